using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Invitations;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopSites;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>The QR code of a ticket opens the check-in page: only for those who run the workshop, and once.</summary>
public sealed class CheckInTests
{
    private static async Task<string> TicketPathAsync(TestSite site, string slug, string email)
    {
        using var registered = await site.Client.PostAsync($"/ru/workshops/{slug}/register",
            new FormUrlEncodedContent([new("name", "Данияр"), new("email", email), new("language", "ru")]));
        var mail = Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, email));
        return LinkIn(mail.TextBody!, "ticket")!;
    }

    private static Task AssignAsync(TestSite site, string workshopKey, string userId) => InScopeAsync(site, async sp =>
    {
        var db = sp.GetRequiredService<LearnDbContext>();
        db.Add(new WorkshopFacilitator { WorkshopKey = workshopKey, UserId = userId, AssignedUtc = DateTime.UtcNow });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_ticket_is_checked_in_once_and_only_by_someone_who_runs_that_workshop()
    {
        using var content = WithWorkshops(("yards.ru.md", Workshop("Дворы", InDays(10), capacity: 20)), ("parks.ru.md", Workshop("Парки", InDays(12), capacity: 20)));
        await using var site = await TestSite.StartAsync(contentPath: content.Path, extraArgs: "--Site:AccountRequestsPerMinute=100000");
        var ticket = await TicketPathAsync(site, "yards", "daniyar@example.kz");
        var checkIn = ticket.Replace("/ticket/", "/check-in/");
        var (_, ticketPage) = await Html.GetAsync(site.Client, ticket);
        // The code on the ticket is the check-in address, and nothing else.
        var expected = Html.Parse(MyAlmaty.Learn.Workshops.Registrations.TicketCode.Svg(site.Address.GetLeftPart(UriPartial.Authority) + checkIn));
        Assert.Equal(expected.QuerySelector("svg")!.OuterHtml, ticketPage.QuerySelector(".ticket-qr svg")!.OuterHtml);

        using var anonymous = site.NewClient();
        using var toSignIn = await anonymous.GetAsync(checkIn);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.Equal($"/ru/account/sign-in?returnPath={Uri.EscapeDataString(checkIn)}", toSignIn.Headers.Location!.OriginalString);

        using var learner = await RoleClients.SignInAsync(site, RoleNames.Learner);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync(checkIn)).StatusCode);

        using var otherFacilitator = await RoleClients.PersonAsync(site, RoleNames.Facilitator);
        await AssignAsync(site, "parks", otherFacilitator.Id);
        using var refused = await otherFacilitator.Client.GetAsync(checkIn);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Нет доступа к этой странице", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.Trim());

        using var administrator = await RoleClients.SignInAsync(site, RoleNames.Administrator);
        var (_, administratorsPage) = await Html.GetAsync(administrator, checkIn);
        using var facilitator = await RoleClients.PersonAsync(site, RoleNames.Facilitator);
        await AssignAsync(site, "yards", facilitator.Id);
        var (_, page) = await Html.GetAsync(facilitator.Client, checkIn);
        Assert.Equal("Данияр", page.QuerySelector(".check-in-name")!.TextContent.Trim());
        Assert.Equal("Отметить присутствие", page.QuerySelector("main form button")!.TextContent.Trim());
        Assert.Null((await RegistrationsAsync(site, "yards")).Single().CheckedInUtc);
        using var done = await Forms.PostAsync(facilitator.Client, page, checkIn, ("confirm", "yes"));
        Assert.Equal("Присутствие отмечено", Html.Parse(await done.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.Trim());
        var row = (await RegistrationsAsync(site, "yards")).Single();
        Assert.Equal(facilitator.Id, row.CheckedInBy);
        var at = TimeZoneInfo.ConvertTimeFromUtc(row.CheckedInUtc!.Value, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).ToString("HH:mm");

        // The administrator had the page open too and presses the button a moment later.
        using var second = await Forms.PostAsync(administrator, administratorsPage, checkIn, ("confirm", "yes"));
        Assert.Equal($"Присутствие уже отмечено в {at}", Html.Parse(await second.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.Trim());
        var (_, again) = await Html.GetAsync(administrator, checkIn);
        Assert.Equal($"Присутствие уже отмечено в {at}", again.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(again.QuerySelector("main form button"));
        Assert.Equal(row.CheckedInUtc, (await RegistrationsAsync(site, "yards")).Single().CheckedInUtc);
        Assert.Equal(facilitator.Id, (await RegistrationsAsync(site, "yards")).Single().CheckedInBy);
    }

    [Theory]
    [InlineData("ru", "Ссылка не работает")]
    [InlineData("kk", "Сілтеме жұмыс істемейді")]
    public async Task A_forged_ticket_or_cancel_link_gets_a_clear_page_in_the_readers_language(string culture, string heading)
    {
        await using var site = await TestSite.StartAsync();
        foreach (var path in new[] { "ticket", "cancel" })
        {
            using var response = await site.Client.GetAsync($"/{culture}/workshops/{path}/CfDJ8-not-a-real-token");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
            Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        }
    }

    [Fact]
    public async Task An_expired_ticket_says_so_and_a_cancel_token_does_not_open_a_ticket()
    {
        using var content = WithWorkshops(("yards.ru.md", Workshop("Дворы", InDays(10), capacity: 20)));
        await using var site = await TestSite.StartAsync(contentPath: content.Path);
        var ticket = await TicketPathAsync(site, "yards", "late@example.kz");
        var id = (await RegistrationsAsync(site, "yards")).Single().Id;
        var tokens = site.Services.GetRequiredService<WorkshopTokens>();

        using var expired = await site.Client.GetAsync($"/kk/workshops/ticket/{tokens.Create(WorkshopLink.Ticket, id, DateTime.UtcNow.AddMinutes(-1))}");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Equal("Сілтеменің мерзімі өтіп кетті", Html.Parse(await expired.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.Trim());

        using var wrongPurpose = await site.Client.GetAsync($"/ru/workshops/ticket/{tokens.Create(WorkshopLink.Cancel, id, DateTime.UtcNow.AddDays(1))}");
        Assert.Equal(HttpStatusCode.NotFound, wrongPurpose.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync(ticket)).StatusCode);
    }
}
