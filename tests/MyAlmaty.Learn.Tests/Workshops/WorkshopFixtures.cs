using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Scheduling;
using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>A workshop «yards» in both languages, its summaries, and the people around it, for the summary tests.</summary>
public static class WorkshopFixtures
{
    public const string Key = "yards";
    public const string TitleRu = "Дворы, которые мы меняем";
    public const string TitleKk = "Біз өзгертетін аулалар";

    public static string Workshop(string culture, DateTime startsAt) => $"""
        ---
        type: Workshop
        title: {(culture == "ru" ? TitleRu : TitleKk)}
        startsAt: {startsAt:yyyy-MM-dd HH:mm}
        endsAt: {startsAt.AddHours(2):yyyy-MM-dd HH:mm}
        languages: [ru, kk]
        venue: Алматы, ул. Абылай хана, 91
        ---
        {(culture == "ru" ? "Приходите со своим двором в голове." : "Өз аулаңызды ойға алып келіңіз.")}
        """.Replace("\r\n", "\n");

    /// <summary>A summary of the workshop; <paramref name="facts"/> are extra front matter lines.</summary>
    public static string Summary(string culture, string facts = "") => $"""
        ---
        type: SessionSummary
        title: "{(culture == "ru" ? "Итоги: дворы" : "Қорытынды: аулалар")}"
        summary: {(culture == "ru" ? "Что мы решили сделать во дворах." : "Аулаларда не істеуге келістік.")}
        workshop: {Key}
        {facts}
        ---
        {(culture == "ru" ? "Мы договорились начать с субботника." : "Сенбіліктен бастауға келістік.")}
        """.Replace("\r\n", "\n").Replace("\n\n---", "\n---");

    /// <summary>The sample site with the workshop in both languages, ended <paramref name="startsAt"/> + 2 hours (Almaty time).</summary>
    public static TempFolder WorkshopContent(DateTime startsAt)
    {
        var content = new TempFolder();
        SampleContent.WriteTo(content);
        content.Write("workshops/yards.ru.md", Workshop("ru", startsAt));
        content.Write("workshops/yards.kk.md", Workshop("kk", startsAt));
        return content;
    }

    /// <summary>Someone who registered for the workshop, checked in at the door when <paramref name="came"/>.</summary>
    public static async Task<string> RegisterAsync(TestSite site, string name, string culture, bool came, bool latin = false, string workshop = Key)
    {
        var email = $"{Guid.NewGuid():N}@example.org";
        await UseDbAsync(site, db =>
        {
            db.Add(new WorkshopRegistration
            {
                WorkshopKey = workshop, Name = name, Email = email, NormalizedEmail = email.ToUpperInvariant(), Culture = culture, Latin = latin,
                Status = RegistrationStatus.Registered, CreatedUtc = DateTime.UtcNow, StatusChangedUtc = DateTime.UtcNow,
                CheckedInUtc = came ? DateTime.UtcNow : null,
            });
            return Task.CompletedTask;
        });
        return email;
    }

    /// <summary>A facilitator account with its interface language, running <paramref name="workshop"/>.</summary>
    public static async Task<string> FacilitatorAsync(TestSite site, string name, string culture, string workshop = Key)
    {
        var email = $"facilitator-{Guid.NewGuid():N}@example.org";
        await using var scope = site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync(email, RoleNames.Facilitator, name, culture);
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        db.Add(new WorkshopFacilitator { WorkshopKey = workshop, UserId = id, AssignedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>Publishes a summary as an editor does in the browser: a new item, or a new version of it.</summary>
    public static async Task PublishSummaryAsync(TestSite site, string culture, string source, string key = "yards-summary")
    {
        await using var scope = site.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ContentEditing>();
        var ckey = new ContentKey(culture, ContentTypeNames.SessionSummary, key);
        var current = await editing.VersionAsync(ckey);
        var outcome = await editing.SaveAsync(ckey, source, current?.Number, "editor", null, publish: true);
        Assert.True(outcome is SaveOutcome.Saved, outcome is SaveOutcome.Invalid invalid ? string.Join("; ", invalid.Problems) : outcome.ToString());
    }

    public static async Task<int> RunJobsAsync(TestSite site) => await site.Services.GetRequiredService<ScheduledJobRunner>().RunDueAsync();

    /// <summary>The messages written for an address, from the outbox: what was queued, sent or not yet.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> OutboxAsync(TestSite site, string to)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<IReadOnlyList<ScheduledJob>> JobsAsync(TestSite site, string key = Key)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ScheduledJob>().AsNoTracking().Where(j => j.Key == key).OrderBy(j => j.Kind).ToListAsync();
    }

    private static async Task UseDbAsync(TestSite site, Func<LearnDbContext, Task> use)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        await use(db);
        await db.SaveChangesAsync();
    }
}
