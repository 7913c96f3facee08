using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Tests.Admin;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>
/// A campaign is checked before anything is sent: the report counts and lists every line by what will become of it,
/// and sending queues exactly one invitation per valid line, none to the others, in the language chosen for each.
/// </summary>
public sealed class InvitationCampaignTests : IAsyncLifetime
{
    static InvitationCampaignTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(extraArgs: "--Site:AccountRequestsPerMinute=100000");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static async Task<(HttpResponseMessage Response, IDocument Page)> UploadAsync(HttpClient client, string key, byte[] csv)
    {
        var (_, form) = await AdminForms.OpenAsync(client, $"/admin/workshops/{key}/invite");
        var token = WorkshopDesk.Token(form).Single();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token.Value), token.Key },
            { new StringContent("csv"), "source" },
        };
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "list.csv");
        var response = await client.PostAsync($"/admin/workshops/{key}/invite", content);
        if (response.StatusCode != HttpStatusCode.Redirect) return (response, Html.Parse(await response.Content.ReadAsStringAsync()));
        var (report, page) = await Html.GetAsync(client, response.Headers.Location!.OriginalString);
        return (report, page);
    }

    private static Dictionary<string, int> Counts(IDocument report) =>
        report.QuerySelectorAll("table.counts tr").ToDictionary(r => r.ClassName!.Replace("verdict-", ""), r => int.Parse(r.QuerySelector("td")!.TextContent));

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, IDocument report, Action<Dictionary<string, string>>? choose = null)
    {
        var fields = AdminForms.Fields(report, "form[action$='/send']");
        choose?.Invoke(fields);
        return await AdminForms.PostAsync(client, report.QuerySelector("form[action$='/send']")!.GetAttribute("action")!, fields);
    }

    [Fact]
    public async Task A_checked_list_sends_one_invitation_per_valid_line_and_none_to_the_others()
    {
        using var facilitator = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        Assert.Equal(HttpStatusCode.Redirect, (await WorkshopDesk.CreateAsync(facilitator.Client, "invite-yards", "Дворы, которые мы меняем")).StatusCode);
        await WorkshopDesk.RegisterAsync(_site, "invite-yards", "registered@example.kz");
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            scope.ServiceProvider.GetRequiredService<MailSuppressions>().Suppress(db, "gone@example.kz", SuppressionReason.Unsubscribed);
            await db.SaveChangesAsync();
        }
        var csv = "email,name,language\n"
            + "aigerim@example.kz,Айгерім,kk\n"
            + "boris@example.kz,Борис,\n"
            + "not-an-address,Никто,ru\n"
            + "AIGERIM@example.kz,Айгерім снова,kk\n"
            + "gone@example.kz,Ушедший,ru\n"
            + "registered@example.kz,Уже с местом,ru\n"
            + "hacker@example.kz,\"Ivan\r\nBcc: all@example.com\",ru\n";

        var (response, report) = await UploadAsync(facilitator.Client, "invite-yards", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Dictionary<string, int> { ["valid"] = 3, ["invalid"] = 1, ["duplicate"] = 1, ["unsubscribed"] = 1, ["registered"] = 1, ["invited"] = 0 }, Counts(report));
        var refused = report.QuerySelectorAll("#refused-title + table tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["4", "5", "6", "7"], refused.Select(r => r[0]));
        Assert.Contains("Это не адрес электронной почты.", refused[0][3]);
        Assert.Contains("Этот адрес уже есть в списке, строка 2.", refused[1][3]);
        Assert.Equal(0, await OutboxCountAsync());

        var sent = await SendAsync(facilitator.Client, report, fields =>
        {
            var boris = report.QuerySelectorAll("select[name^='lang.']").First(s => s.Closest("tr")!.TextContent.Contains("boris@"));
            fields[boris.GetAttribute("name")!] = "kk-latn";
        });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var invitations = await InvitationsAsync("invite-yards");
        Assert.Equal(["aigerim@example.kz", "boris@example.kz", "hacker@example.kz"], invitations.Select(i => i.Email).Order());
        Assert.Equal(3, await OutboxCountAsync());
        Assert.All(invitations, i => Assert.NotNull(i.OutboxMessageId));
        Assert.Equal(("kk", true), invitations.Where(i => i.Email == "boris@example.kz").Select(i => (i.Culture, i.Latin)).Single());
        Assert.Equal(("kk", false), invitations.Where(i => i.Email == "aigerim@example.kz").Select(i => (i.Culture, i.Latin)).Single());
        Assert.Equal("Ivan Bcc: all@example.com", invitations.Single(i => i.Email == "hacker@example.kz").Name);
        var mail = await Mailbox.WaitForAsync(_site.MailFolder, "hacker@example.kz");
        Assert.Empty(mail.Single().Bcc);
        Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(facilitator.Client, report)).StatusCode);
        Assert.Equal(3, await OutboxCountAsync());

        // A second list, from an older Excel in Russian: Windows-1251 with semicolons; those invited before are not invited again.
        var second = Encoding.GetEncoding(1251).GetBytes("Эл. почта;Имя\r\nboris@example.kz;Борис Петров\r\nolga@example.kz;Ольга Пётрова\r\n");
        var (_, again) = await UploadAsync(facilitator.Client, "invite-yards", second);
        Assert.Equal(1, Counts(again)["invited"]);
        Assert.Equal(1, Counts(again)["valid"]);
        Assert.Contains("Ольга Пётрова", again.QuerySelector("#valid-title")!.ParentElement!.TextContent);
        await SendAsync(facilitator.Client, again);
        Assert.Equal(4, await OutboxCountAsync());
        Assert.Equal(4, (await InvitationsAsync("invite-yards")).Count);
    }

    [Fact]
    public async Task The_status_page_shows_sent_failed_and_answered_invitations_and_filters_by_state()
    {
        using var facilitator = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        await WorkshopDesk.CreateAsync(facilitator.Client, "status-yards", "Кто ответил");
        var (_, report) = await UploadAsync(facilitator.Client, "status-yards", Encoding.UTF8.GetBytes("email,name\nsent@example.kz,Отправлено\nfailed@example.kz,Ошибка\nyes@example.kz,Согласна\n"));
        await SendAsync(facilitator.Client, report);
        await Mailbox.WaitForAsync(_site.MailFolder, "yes@example.kz");
        await Mailbox.WaitForAsync(_site.MailFolder, "failed@example.kz");
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var invitations = await db.Set<WorkshopInvitation>().Where(i => i.WorkshopKey == "status-yards").ToListAsync();
            // What the RSVP page and a refusing server would have left behind.
            var yes = invitations.Single(i => i.Email == "yes@example.kz");
            (yes.Answer, yes.AnsweredUtc, yes.OpenedUtc) = (RsvpAnswer.Yes, DateTime.UtcNow, DateTime.UtcNow);
            var failedId = invitations.Single(i => i.Email == "failed@example.kz").OutboxMessageId;
            await db.SaveChangesAsync();
            await db.Set<OutboxMessage>().Where(m => m.Id == failedId).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentUtc, (DateTime?)null).SetProperty(m => m.NextAttemptUtc, (DateTime?)null).SetProperty(m => m.FailedUtc, DateTime.UtcNow).SetProperty(m => m.LastError, "550 5.1.1 mailbox unavailable"));
        }

        var (_, all) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/status-yards/status");
        Assert.Equal(3, all.QuerySelectorAll("table.status-table tbody tr").Length);
        var (_, failed) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/status-yards/status?state=failed");
        var row = Assert.Single(failed.QuerySelectorAll("table.status-table tbody tr"));
        Assert.Contains("failed@example.kz", row.TextContent);
        Assert.Contains("550 5.1.1 mailbox unavailable", row.TextContent);
        var (_, answered) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/status-yards/status?state=yes");
        Assert.Contains("yes@example.kz", Assert.Single(answered.QuerySelectorAll("table.status-table tbody tr")).TextContent);
        var (_, sent) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/status-yards/status?state=sent");
        Assert.Equal(2, sent.QuerySelectorAll("table.status-table tbody tr").Length);
    }

    [Fact]
    public async Task Every_invitation_can_be_read_before_sending_in_Russian_Kazakh_and_Kazakh_in_Latin_letters()
    {
        using var facilitator = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        await WorkshopDesk.CreateAsync(facilitator.Client, "preview-yards", "Дворы");

        foreach (var (language, lang) in new[] { ("ru", "ru"), ("kk", "kk"), ("kk-latn", "kk") })
        {
            var (_, page) = await AdminForms.OpenAsync(facilitator.Client, $"/admin/workshops/preview-yards/preview/{language}");
            Assert.Equal(lang, page.QuerySelector("pre.mail-text")!.GetAttribute("lang"));
            Assert.NotEmpty(page.QuerySelector("pre.mail-text")!.TextContent.Trim());
        }
        var (_, latin) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/preview-yards/preview/kk-latn");
        Assert.DoesNotMatch("[А-Яа-яӘәҒғҚқҢңӨөҰұҮүІі]{4,}", latin.QuerySelector("dd")!.TextContent);
    }

    private async Task<int> OutboxCountAsync()
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<OutboxMessage>().CountAsync(m => m.MessageId.StartsWith("invitation-"));
    }

    private async Task<List<WorkshopInvitation>> InvitationsAsync(string key)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<WorkshopInvitation>().AsNoTracking().Where(i => i.WorkshopKey == key).ToListAsync();
    }
}
