using System.Text;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Mail;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Web.Hosting;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>
/// The real site with a workshop «yards» in Russian and Kazakh, sending its mail to a real SMTP server on loopback.
/// Invitations are written straight into the database, as the facilitators' campaign pages will write them.
/// </summary>
internal sealed class WorkshopMailSite : IAsyncDisposable
{
    private readonly TempFolder _content;

    private WorkshopMailSite(TempFolder content, TestSmtpServer smtp, TestSite site) => (_content, Smtp, Site) = (content, smtp, site);

    public TestSmtpServer Smtp { get; }
    public TestSite Site { get; }

    public static async Task<WorkshopMailSite> StartAsync(DateTime startsAt)
    {
        var content = new TempFolder();
        SampleContent.WriteTo(content);
        content.Write("workshops/yards.ru.md", Russian(startsAt));
        content.Write("workshops/yards.kk.md", Kazakh(startsAt));
        var smtp = await TestSmtpServer.StartAsync();
        var site = await TestSite.StartAsync(contentPath: content.Path, extraArgs:
            ["--Mail:Delivery=Smtp", "--Mail:Smtp:Host=127.0.0.1", $"--Mail:Smtp:Port={smtp.Port}", "--Mail:Smtp:Security=None"]);
        return new WorkshopMailSite(content, smtp, site);
    }

    public static string Russian(DateTime startsAt, string venue = "Алматы, ул. Абылай хана, 91", string? state = null) => $"""
        ---
        type: Workshop
        title: Дворы, которые мы меняем
        summary: Встреча о дворах.
        startsAt: {startsAt:yyyy-MM-dd HH:mm}
        endsAt: {startsAt.AddHours(2):yyyy-MM-dd HH:mm}
        languages: [ru, kk]
        venue: {venue}
        capacity: 40
        {(state is null ? "" : "state: " + state)}
        ---
        Приходите со своим двором в голове.
        """.Replace("\r\n", "\n");

    public static string Kazakh(DateTime startsAt, string venue = "Алматы, Абылай хан көшесі, 91", string? state = null) => $"""
        ---
        type: Workshop
        title: Біз өзгертетін аулалар
        summary: Аулалар туралы кездесу.
        startsAt: {startsAt:yyyy-MM-dd HH:mm}
        endsAt: {startsAt.AddHours(2):yyyy-MM-dd HH:mm}
        languages: [ru, kk]
        venue: {venue}
        capacity: 40
        {(state is null ? "" : "state: " + state)}
        ---
        Өз аулаңыз туралы ойлап келіңіз.
        """.Replace("\r\n", "\n");

    /// <summary>Writes a workshop file and imports the content, as an editor publishing a change would.</summary>
    public async Task PublishAsync(string file, string text)
    {
        _content.Write($"workshops/{file}", text);
        var report = await Site.Services.GetRequiredService<SiteInitializer>().ImportAsync();
        Assert.False(report.HasErrors, string.Join("\n", report.Problems));
    }

    /// <summary>Takes one language's item off the site, as an editor would.</summary>
    public async Task UnpublishAsync(MyAlmaty.Learn.Content.ContentKey key)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<MyAlmaty.Learn.Content.ContentPublishing>().UnpublishAsync(key, "editor-1"));
        await Site.Services.GetRequiredService<MyAlmaty.Learn.Content.Published.PublishedContent>().ReloadAsync();
    }

    /// <summary>An invitation of a sent campaign, saved, as the campaign pages create it before queueing its email.</summary>
    public async Task<WorkshopInvitation> SaveInvitationAsync(string email, string? name, string culture, bool latin = false)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var campaign = new InvitationCampaign { WorkshopKey = "yards", CreatedBy = "facilitator-1", CreatedUtc = DateTime.UtcNow, SentUtc = DateTime.UtcNow };
        db.Add(campaign);
        await db.SaveChangesAsync();
        var invitation = new WorkshopInvitation
        {
            CampaignId = campaign.Id, WorkshopKey = "yards", Email = email, NormalizedEmail = email.ToUpperInvariant(),
            Name = name, Culture = culture, Latin = latin, CreatedUtc = DateTime.UtcNow,
        };
        db.Add(invitation);
        await db.SaveChangesAsync();
        return invitation;
    }

    /// <summary>Saves an invitation and queues its email; the outbox row, or null when nothing was queued.</summary>
    public async Task<(WorkshopInvitation Invitation, long? OutboxId)> InviteAsync(string email, string? name, string culture, bool latin = false)
    {
        var invitation = await SaveInvitationAsync(email, name, culture, latin);
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var queued = await Site.Services.GetRequiredService<InvitationMail>().QueueAsync(db, invitation);
        await db.SaveChangesAsync();
        return (invitation, queued?.Id);
    }

    public async Task<T> QueryAsync<T>(Func<LearnDbContext, Task<T>> query)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LearnDbContext>());
    }

    /// <summary>The emails the SMTP server received for <paramref name="to"/>, waiting a few seconds for <paramref name="count"/> of them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> ReceivedAsync(string to, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var messages = Smtp.Received.Where(r => r.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase)).Select(r => r.Message).ToList();
            if (messages.Count >= count || DateTime.UtcNow > deadline) return messages;
            await Task.Delay(50);
        }
    }

    /// <summary>The text/calendar alternative of an email, parsed; its bytes as sent, since CRLF line ends matter.</summary>
    public static (Calendar Calendar, TextPart Part, string Text) CalendarOf(MimeMessage message)
    {
        var part = message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.MimeType == "text/calendar" && !p.IsAttachment);
        using var bytes = new MemoryStream();
        part.Content!.DecodeTo(bytes);
        var text = Encoding.UTF8.GetString(bytes.ToArray());
        return (Calendar.Load(text)!, part, text);
    }

    /// <summary>A link of the email's text body whose path contains <paramref name="marker"/>, as a path and query on the site.</summary>
    public static string LinkIn(MimeMessage message, string marker)
    {
        var link = (message.TextBody ?? "").Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.StartsWith("http", StringComparison.Ordinal) && w.Contains(marker, StringComparison.Ordinal));
        Assert.True(link is not null, $"no link with {marker} in:\n{message.TextBody}");
        return new Uri(link!).PathAndQuery;
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
        _content.Dispose();
    }
}
