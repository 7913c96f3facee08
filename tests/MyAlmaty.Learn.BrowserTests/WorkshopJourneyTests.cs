using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MyAlmaty.Learn.BrowserTests.Support;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>The browser site with the job runner looking for due work every second: a published summary is mailed at once.</summary>
public sealed class WorkshopBrowserSite() : BrowserSite(["--Scheduling:PollInterval=00:00:01", "--Site:AccountRequestsPerMinute=1000"]);

/// <summary>
/// A workshop from the first line to the last, in a real browser: a facilitator working in Russian makes it in both
/// languages and publishes it, invites people from a CSV file and reads the check before sending; a Kazakh learner
/// answers «yes» from the email without signing in and gets a ticket; the facilitator sees the answer, checks her in
/// from the ticket's code, writes the summary, and she hears of it in Kazakh and finds the workshop among those she
/// took part in. Every public and workspace page on the way passes axe-core in Russian and in Kazakh.
/// </summary>
public sealed class WorkshopJourneyTests(WorkshopBrowserSite site) : IClassFixture<WorkshopBrowserSite>
{
    private const string TitleRu = "Дворы, которые мы меняем";
    private const string TitleKk = "Біз өзгертетін аулалар";

    [Fact]
    public async Task A_facilitator_invites_a_learner_who_answers_from_the_email_comes_is_checked_in_and_gets_the_summary_in_her_language()
    {
        var key = $"yards-{Guid.NewGuid():N}"[..14];
        var asel = $"asel-{Guid.NewGuid():N}@example.org";
        var boris = $"boris-{Guid.NewGuid():N}@example.kz";
        // The learner has had an account (in Kazakh) for a while; the invitation goes to its address.
        var learnerSetup = await CreateAccountAsync(asel, RoleNames.Learner, "Асель", "kk");
        var workspace = new List<string>();

        var facilitatorContext = await site.NewContextAsync();
        await using var _ = facilitatorContext;
        var desk = await facilitatorContext.NewPageAsync();
        await SignInAsync(desk, RoleNames.Facilitator, "ru");

        // 1. The workshop, in Russian and then in Kazakh, published.
        await Open(desk, "/admin/workshops", workspace);
        await desk.Locator("main a[href='/admin/workshops/new/ru']").ClickAsync();
        Assert.Equal("/admin/workshops/new/ru", PageFacts.PathOf(desk));
        await FillWorkshopAsync(desk, key, TitleRu, "Говорим о дворах и о том, как их менять.");
        await desk.Locator("form.edit-form button[type=submit]").ClickAsync();
        Assert.Equal($"/admin/workshops/{key}/edit/ru", PageFacts.PathOf(desk));
        workspace.Add(PageFacts.PathOf(desk));
        await desk.Locator($"form[action='/admin/workshops/{key}/edit/ru/publish'] button").ClickAsync();
        Assert.Contains("Опубликовано", await desk.Locator("[role=status]").InnerTextAsync());

        await Open(desk, $"/admin/workshops/{key}", workspace);
        await desk.GetByRole(AriaRole.Link, new() { Name = "Написать версию на этом языке" }).ClickAsync();
        Assert.Equal($"/admin/workshops/{key}/edit/kk", PageFacts.PathOf(desk));
        Assert.Equal(key, await desk.InputValueAsync("#field-key"));
        await FillWorkshopAsync(desk, key, TitleKk, "Аулалар туралы және оларды қалай өзгертуге болатыны туралы сөйлесеміз.");
        await desk.Locator("form.edit-form button[type=submit]").ClickAsync();
        Assert.Equal($"/admin/workshops/{key}/edit/kk", PageFacts.PathOf(desk));
        workspace.Add(PageFacts.PathOf(desk));
        await desk.Locator($"form[action='/admin/workshops/{key}/edit/kk/publish'] button").ClickAsync();
        Assert.Contains("Опубликовано", await desk.Locator("[role=status]").InnerTextAsync());

        var visitorContext = await site.NewContextAsync();
        await using var __ = visitorContext;
        var visitor = await visitorContext.NewPageAsync();
        await BrowserSite.OpenAsync(visitor, "/ru/workshops");
        await PageFacts.FollowAsync(visitor, visitor.GetByRole(AriaRole.Link, new() { Name = TitleRu }));
        Assert.Equal($"/ru/workshops/{key}", PageFacts.PathOf(visitor));
        Assert.Contains("Алматы, ул. Абылай хана, 91", await visitor.Locator("main").InnerTextAsync());
        await BrowserSite.OpenAsync(visitor, $"/kk/workshops/{key}");
        Assert.Equal(TitleKk, await PageFacts.H1Async(visitor));

        // 2. Invitations from a spreadsheet: the check first, then the sending.
        await BrowserSite.OpenAsync(desk, $"/admin/workshops/{key}");
        await desk.GetByRole(AriaRole.Navigation, new() { Name = "Страницы встречи" }).GetByRole(AriaRole.Link, new() { Name = "Пригласить" }).ClickAsync();
        Assert.Equal($"/admin/workshops/{key}/invite", PageFacts.PathOf(desk));
        workspace.Add(PageFacts.PathOf(desk));
        var csv = $"email;name;language\n{boris};Борис;ru\n{asel};Асель;kk\nне-адрес;Никто;ru\n";
        await desk.SetInputFilesAsync("#file", new FilePayload { Name = "list.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await desk.Locator("form[enctype='multipart/form-data'] button[type=submit]").ClickAsync();
        Assert.Matches($"^/admin/workshops/{key}/campaigns/", PageFacts.PathOf(desk));
        var report = PageFacts.PathOf(desk);
        workspace.Add(report);
        Assert.Equal("2", (await desk.Locator("table.counts tr.verdict-valid td").InnerTextAsync()).Trim());
        Assert.Equal("1", (await desk.Locator("table.counts tr.verdict-invalid td").InnerTextAsync()).Trim());
        var refused = desk.Locator("#refused-title + table tbody tr");
        Assert.Equal(1, await refused.CountAsync());
        Assert.Equal("4", (await refused.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Contains("не-адрес", await refused.InnerTextAsync());
        Assert.Contains("Это не адрес электронной почты.", await refused.InnerTextAsync());
        var aselsLanguage = desk.Locator("form[action$='/send'] tbody tr", new() { HasText = asel }).Locator("select");
        Assert.Equal("kk", await aselsLanguage.InputValueAsync());
        Assert.Empty(Mailbox.Read(site.Site.MailFolder, asel));
        await desk.Locator("form[action$='/send'] button[type=submit]").ClickAsync();

        // 3. The learner answers «yes» from the invitation, not signed in, and gets her ticket.
        var invitation = Assert.Single(await Mailbox.WaitForAsync(site.Site.MailFolder, asel));
        Assert.Contains(TitleKk, invitation.Subject);
        Assert.Single(await Mailbox.WaitForAsync(site.Site.MailFolder, boris));
        var rsvp = LinkIn(invitation, "answer=yes");
        Assert.StartsWith("/kk/workshops/rsvp/", rsvp);
        var learnerContext = await site.NewContextAsync(new BrowserNewContextOptions { Locale = "kk-KZ" });
        await using var ___ = learnerContext;
        var learner = await learnerContext.NewPageAsync();
        await BrowserSite.OpenAsync(learner, rsvp);
        Assert.Contains(TitleKk, await learner.Locator(".facts").InnerTextAsync());
        Assert.True(await learner.Locator("input[name=answer][value=yes]").IsCheckedAsync());
        await learner.GetByRole(AriaRole.Button, new() { Name = "Жауапты жіберу" }).ClickAsync();
        Assert.Contains("Келетініңізді белгіледік.", await learner.Locator("[role=status]").InnerTextAsync());
        var mail = await Mailbox.WaitForAsync(site.Site.MailFolder, asel, count: 2);
        var ticketMail = Assert.Single(mail, m => m.TextBody?.Contains("/workshops/ticket/", StringComparison.Ordinal) == true);
        Assert.Contains("Сәлеметсіз бе, Асель!", ticketMail.TextBody);
        var ticket = LinkIn(ticketMail, "/workshops/ticket/");
        Assert.StartsWith("/kk/workshops/ticket/", ticket);

        // 4. The facilitator sees the answer and the place on the status page.
        await Open(desk, $"/admin/workshops/{key}/status", workspace);
        var row = desk.Locator("table.status-table tbody tr", new() { HasText = asel });
        Assert.Equal("Да", (await row.Locator("td.answer-yes").InnerTextAsync()).Trim());
        Assert.Contains("Есть место", await row.InnerTextAsync());
        Assert.Equal("—", (await desk.Locator("table.status-table tbody tr", new() { HasText = boris }).Locator("td[class^=answer-]").InnerTextAsync()).Trim());

        // 5. At the door: the ticket's code is the check-in address; the facilitator opens it and presses the button, once.
        await BrowserSite.OpenAsync(learner, ticket);
        var checkIn = ticket.Replace("/ticket/", "/check-in/", StringComparison.Ordinal);
        var ticketHtml = await (await learnerContext.APIRequest.GetAsync(ticket)).TextAsync();
        Assert.Contains(TicketCode.Svg(site.Site.Address.GetLeftPart(UriPartial.Authority) + checkIn), ticketHtml);
        Assert.True(await learner.Locator(".ticket-qr svg").IsVisibleAsync());

        await BrowserSite.OpenAsync(desk, checkIn);
        Assert.Equal("Асель", (await desk.Locator(".check-in-name").InnerTextAsync()).Trim());
        await desk.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal("Қатысуы белгіленді", await PageFacts.H1Async(desk));
        await BrowserSite.OpenAsync(desk, checkIn);
        Assert.StartsWith("Қатысуы бұған дейін белгіленген: сағат ", await PageFacts.H1Async(desk));
        Assert.Equal(0, await desk.Locator("main form button").CountAsync());
        await Open(desk, $"/admin/workshops/{key}/attendance", workspace);
        Assert.True(await desk.Locator("table.attendance-table tbody tr", new() { HasText = asel }).Locator("input[name=present]").IsCheckedAsync());

        // 6. The summary, written from the workshop's own link, published.
        await Open(desk, $"/admin/content/new/summaries/ru?workshop={key}", workspace);
        Assert.Equal(key, await desk.InputValueAsync("select[name='f.workshop']"));
        var summaryKey = key + "-summary";
        await desk.FillAsync("#field-key", summaryKey);
        await desk.FillAsync("#field-title", "Итоги: дворы");
        await desk.FillAsync("#field-summary", "Что мы решили сделать во дворах.");
        await desk.FillAsync("#field-body", "Мы договорились начать с субботника.");
        await desk.Locator("form.edit-form button[type=submit]").ClickAsync();
        Assert.Equal($"/admin/content/summaries/ru/{summaryKey}", PageFacts.PathOf(desk));
        workspace.Add(PageFacts.PathOf(desk));
        await desk.Locator($"form[action='/admin/content/summaries/ru/{summaryKey}/publish'] button").ClickAsync();
        Assert.Contains("Опубликовано", await desk.Locator("[role=status]").InnerTextAsync());

        // 7. The one who came hears of it in Kazakh; the one who did not answer hears nothing.
        mail = await WaitForSubjectAsync(asel, $"«{TitleKk}» кездесуінің қорытындысы жарияланды");
        var summaryMail = mail.Single(m => m.Subject == $"«{TitleKk}» кездесуінің қорытындысы жарияланды");
        Assert.Contains("Сәлеметсіз бе, Асель!", summaryMail.TextBody);
        Assert.Contains("Әзірге қорытынды тек орыс тілінде жарияланған.", summaryMail.TextBody);
        Assert.Contains($"/ru/summaries/{summaryKey}", summaryMail.TextBody);
        Assert.Single(Mailbox.Read(site.Site.MailFolder, boris));

        // 8. Signed in, the learner finds the workshop among those she took part in.
        await BrowserSite.OpenAsync(learner, $"/kk/account/link/{learnerSetup}?purpose=setup");
        await learner.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal("/kk/my", PageFacts.PathOf(learner));
        var attended = learner.Locator(".my-workshop-attended");
        Assert.Contains(TitleKk, await attended.InnerTextAsync());
        Assert.Contains("Сіз қатыстыңыз", await attended.InnerTextAsync());

        // 9. axe-core: the public pages as a visitor and an attendee meet them, the workspace in Russian and in Kazakh.
        var problems = new StringBuilder();
        var rsvpPath = rsvp.Split('?')[0];
        await AxePages.CheckAsync(visitor, ["/ru/workshops", "/kk/workshops", $"/ru/workshops/{key}", $"/kk/workshops/{key}",
            rsvpPath, "/ru" + rsvpPath[3..], ticket, "/ru" + ticket[3..], $"/ru/summaries/{summaryKey}"], problems);
        await AxePages.CheckAsync(learner, ["/kk/my"], problems);
        await AxePages.CheckAsync(desk, [checkIn, "/ru" + checkIn[3..]], problems);
        await AxePages.CheckAsync(desk, workspace, problems);
        var kazakhContext = await site.NewContextAsync();
        await using var ____ = kazakhContext;
        var kazakhAdmin = await kazakhContext.NewPageAsync();
        await SignInAsync(kazakhAdmin, RoleNames.Administrator, "kk");
        await AxePages.CheckAsync(kazakhAdmin, workspace, problems);
        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static async Task FillWorkshopAsync(IPage page, string key, string title, string body)
    {
        var starts = DateTime.UtcNow.AddHours(5).Date.AddDays(14).AddHours(18);
        if (await page.Locator("#field-key").InputValueAsync() == "") await page.FillAsync("#field-key", key);
        await page.FillAsync("#field-title", title);
        await page.FillAsync("#field-slug", key);
        await page.FillAsync("#field-startsAt", $"{starts:yyyy-MM-dd HH:mm}");
        await page.FillAsync("#field-endsAt", $"{starts.AddHours(2):yyyy-MM-dd HH:mm}");
        await page.FillAsync("#field-languages", "ru\nkk");
        await page.FillAsync("#field-venue", "Алматы, ул. Абылай хана, 91");
        await page.FillAsync("#field-capacity", "20");
        await page.FillAsync("#field-body", body);
    }

    /// <summary>The link in the email's text that contains <paramref name="marker"/>, as a path on the site.</summary>
    private static string LinkIn(MimeMessage message, string marker)
    {
        var link = (message.TextBody ?? "").Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(w => w.StartsWith("http", StringComparison.Ordinal) && w.Contains(marker, StringComparison.Ordinal));
        Assert.True(link is not null, $"no link with {marker} in:\n{message.TextBody}");
        return new Uri(link!).PathAndQuery;
    }

    /// <summary>The emails to <paramref name="to"/> once one has <paramref name="subject"/>: the job runner sends it on its next round.</summary>
    private async Task<IReadOnlyList<MimeMessage>> WaitForSubjectAsync(string to, string subject)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var messages = Mailbox.Read(site.Site.MailFolder, to);
            if (messages.Any(m => m.Subject == subject) || DateTime.UtcNow > deadline) return messages;
            await Task.Delay(100);
        }
    }

    private static async Task Open(IPage page, string path, List<string> visited)
    {
        await BrowserSite.OpenAsync(page, path);
        visited.Add(path);
    }

    private async Task<string> CreateAccountAsync(string email, string role, string name, string culture)
    {
        await using var scope = site.Site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync(email, role, name, culture);
    }

    private async Task SignInAsync(IPage page, string role, string culture)
    {
        var token = await CreateAccountAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", role, role, culture);
        await BrowserSite.OpenAsync(page, $"/{culture}/account/link/{token}?purpose=setup");
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal($"/{culture}/my", PageFacts.PathOf(page));
    }
}
