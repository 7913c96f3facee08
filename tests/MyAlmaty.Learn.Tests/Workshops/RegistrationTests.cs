using System.Net;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Workshops.Registrations;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopSites;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>Registering for a workshop without an account, from its page to the ticket, the email and giving the place up.</summary>
public sealed class RegistrationTests
{
    private static FormUrlEncodedContent Form(string name, string email, string language = "ru") =>
        new([new("name", name), new("email", email), new("language", language)]);

    [Fact]
    public async Task Anyone_registers_with_a_name_and_an_address_gets_the_ticket_by_email_and_can_give_the_place_up()
    {
        using var content = WithWorkshops(("yards.ru.md", Workshop("Дворы, которые мы меняем", InDays(10), capacity: 20)));
        await using var site = await TestSite.StartAsync(contentPath: content.Path);

        var (_, page) = await Html.GetAsync(site.Client, "/ru/workshops/yards");
        Assert.NotNull(page.QuerySelector("form[action='/ru/workshops/yards/register'] input[name=email]"));
        using var response = await Forms.PostAsync(site.Client, page, "/ru/workshops/yards/register", ("name", "Айгерим"), ("email", "aigerim@example.kz"), ("language", "ru"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Вы записаны", answer.QuerySelector("h1")!.TextContent.Trim());
        var mail = Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, "aigerim@example.kz"));
        Assert.Equal("Вы записаны: Дворы, которые мы меняем", mail.Subject);
        Assert.Contains("Здравствуйте, Айгерим!", mail.TextBody);
        Assert.Contains("Место на встрече за вами.", mail.HtmlBody);
        Assert.Equal("ru", Html.Parse(mail.HtmlBody!).DocumentElement.GetAttribute("lang"));
        var ticket = LinkIn(mail.TextBody!, "ticket");
        var cancel = LinkIn(mail.TextBody!, "cancel");
        Assert.NotNull(ticket);
        Assert.NotNull(cancel);
        Assert.Equal(ticket, LinkIn(mail.HtmlBody!, "ticket"));
        Assert.DoesNotContain("aigerim", ticket + cancel, StringComparison.OrdinalIgnoreCase);
        var qr = Assert.Single(mail.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("image/png", qr.ContentType.MimeType);

        var (ticketResponse, ticketPage) = await Html.GetAsync(site.Client, ticket!);
        Assert.Equal(HttpStatusCode.OK, ticketResponse.StatusCode);
        Assert.Contains("Айгерим", ticketPage.QuerySelector(".facts")!.TextContent);
        Assert.NotNull(ticketPage.QuerySelector(".ticket-qr svg"));
        Assert.True(ticketResponse.Headers.CacheControl!.NoStore);

        // A link scanner only opens the link: nothing changes until the button is pressed.
        using var visitor = site.NewClient();
        var (_, confirm) = await Html.GetAsync(visitor, cancel!);
        Assert.Equal("Отказаться от места?", confirm.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(RegistrationStatus.Registered, (await RegistrationsAsync(site, "yards")).Single().Status);
        using var cancelled = await Forms.PostAsync(visitor, confirm, cancel!, ("confirm", "yes"));
        Assert.Equal("Готово: запись отменена", Html.Parse(await cancelled.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(RegistrationStatus.Cancelled, (await RegistrationsAsync(site, "yards")).Single().Status);
        Assert.Equal(0, await SeatsTakenAsync(site, "yards"));
    }

    [Fact]
    public async Task Registering_the_same_address_twice_answers_already_registered_and_sends_nothing_more()
    {
        using var content = WithWorkshops(("yards.ru.md", Workshop("Дворы", InDays(10), capacity: 20)));
        await using var site = await TestSite.StartAsync(contentPath: content.Path);

        using var first = await site.Client.PostAsync("/ru/workshops/yards/register", Form("Айгерим", "twice@example.kz"));
        using var second = await site.Client.PostAsync("/ru/workshops/yards/register", Form("Айгерим С.", "TWICE@example.kz"));

        Assert.Equal("С этого адреса уже записались", Html.Parse(await second.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.Trim());
        Assert.Single(await RegistrationsAsync(site, "yards"));
        Assert.Single(await OutboxAsync(site, "twice@example.kz"));
        Assert.Equal(1, await SeatsTakenAsync(site, "yards"));
    }

    [Fact]
    public async Task Fifty_people_registering_at_once_for_ten_places_take_exactly_ten_and_the_rest_wait_in_order()
    {
        using var content = WithWorkshops(("rush.ru.md", Workshop("Наплыв", InDays(10), capacity: 10)));
        await using var site = await TestSite.StartAsync(contentPath: content.Path);

        var answers = await Task.WhenAll(Enumerable.Range(1, 50).Select(async i =>
        {
            using var client = site.NewClient();
            using var response = await client.PostAsync("/ru/workshops/rush/register", Form($"Участник {i}", $"rush{i}@example.kz"));
            return (response.StatusCode, Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("h1")?.TextContent.Trim());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(10, answers.Count(a => a.Item2 == "Вы записаны"));
        Assert.Equal(40, answers.Count(a => a.Item2 == "Вы в листе ожидания"));
        var rows = await RegistrationsAsync(site, "rush");
        Assert.Equal(10, rows.Count(r => r.Status == RegistrationStatus.Registered));
        Assert.Equal(40, rows.Count(r => r.Status == RegistrationStatus.Waitlisted));
        Assert.Equal(10, await SeatsTakenAsync(site, "rush"));
    }

    [Theory]
    [InlineData("ru", "", "a@example.kz", "Укажите имя.")]
    [InlineData("kk", "", "a@example.kz", "Атыңызды жазыңыз.")]
    [InlineData("ru", "Айгерим", "not-an-address", "Это не похоже на адрес электронной почты. Проверьте его — например, name@example.kz.")]
    [InlineData("kk", "Айгерим\r\nBcc: all@example.kz", "a@example.kz", "Атында жол ауыстыру не басқарушы таңбалар болмауы керек.")]
    [InlineData("ru", "Очень длинное имя", "a@example.kz", "Слишком длинное имя: не больше 200 символов.")]
    public async Task A_bad_form_comes_back_filled_in_with_what_is_wrong_in_the_readers_language(string culture, string name, string email, string message)
    {
        using var content = WithWorkshops(("yards.ru.md", Workshop("Дворы", InDays(10), capacity: 20)), ("yards.kk.md", Workshop("Аулалар", InDays(10), capacity: 20)));
        await using var site = await TestSite.StartAsync(contentPath: content.Path);
        if (name == "Очень длинное имя") name = new string('ы', 201);

        using var response = await site.Client.PostAsync($"/{culture}/workshops/yards/register", Form(name, email, culture));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent);
        Assert.Equal(email, page.QuerySelector("#registration-email")!.GetAttribute("value"));
        Assert.Equal(name, page.QuerySelector("#registration-name")!.GetAttribute("value"));
        Assert.True(page.QuerySelector($"input[name=language][value={culture}]")!.HasAttribute("checked"));
        Assert.Empty(await RegistrationsAsync(site, "yards"));
    }
}
