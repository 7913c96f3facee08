using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Scheduling;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Workshops.Summaries;

/// <summary>The two nudges to write a workshop's summary, counted from its end.</summary>
public static class SummaryReminder
{
    public static readonly IReadOnlyList<(string Kind, int Days)> All = [("summary-reminder-3d", 3), ("summary-reminder-7d", 7)];
}

/// <summary>
/// Schedules the reminders when a workshop is published, and moves them when its end moves. A reminder
/// already sent is not sent again for the same end; one whose time had passed when the workshop was first
/// published (a workshop entered after it took place) is not scheduled at all.
/// </summary>
public sealed class SummaryReminderSchedule(ScheduledWork work, TimeProvider clock) : IContentPublicationHandler
{
    public async Task OnPublishingAsync(LearnDbContext db, ContentPublication publication, CancellationToken cancellationToken)
    {
        if (publication.Key.ContentType != WorkshopTypeNames.Workshop || ContentPublication.MetadataOf<WorkshopMetadata>(publication.Now) is not { } workshop) return;
        var ends = WorkshopCalendar.UtcOf(workshop.EndsAt);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (kind, days) in SummaryReminder.All)
        {
            var due = ends.AddDays(days);
            var key = publication.Key.TranslationKey;
            var job = db.Set<ScheduledJob>().Local.FirstOrDefault(j => j.Kind == kind && j.Key == key)
                ?? await db.Set<ScheduledJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Kind == kind && j.Key == key, cancellationToken);
            if (job is null ? due <= now : job.DueUtc == due) continue;
            await work.ScheduleAsync(db, kind, key, due, cancellationToken);
        }
    }
}

/// <summary>
/// Reminds each facilitator of a workshop to write its summary, in their interface language, with a link to
/// the new summary's form. It sends nothing once a summary of the workshop is published, nor for a
/// workshop that was cancelled or taken off the site.
/// </summary>
public sealed class SummaryReminderJob(string kind, int days, IThemedMail mail, ISiteLinks links) : IScheduledJobHandler
{
    public const string Template = "summary-reminder";

    public string Kind => kind;

    public async Task RunAsync(ScheduledJob job, LearnDbContext db, CancellationToken cancellationToken)
    {
        var workshops = await WorkshopSummaries.PublishedWorkshopAsync(db, job.Key, cancellationToken);
        if (workshops.Count == 0 || workshops.Any(w => w.Metadata.Status == WorkshopStatus.Cancelled)) return;
        if ((await WorkshopSummaries.PublishedForAsync(db, job.Key, cancellationToken)).Count > 0) return;
        var ids = db.Set<WorkshopFacilitator>().Where(f => f.WorkshopKey == job.Key).Select(f => f.UserId);
        var people = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.Id).ToListAsync(cancellationToken);
        foreach (var person in people.Where(p => p.Email is not null && !StaffLock.Holds(p)))
        {
            var culture = Cultures.IsSupported(person.PreferredCulture) ? person.PreferredCulture : Cultures.Default;
            var workshop = WorkshopSummaries.Prefer(workshops, culture)!;
            // The summary is written in a language the workshop has a page in, so that its link to the workshop holds.
            var model = new
            {
                Name = person.DisplayName,
                person.Email,
                Workshop = workshop.Title,
                Days = days,
                Link = links.Page($"/admin/content/new/summaries/{workshop.Culture}?workshop={Uri.EscapeDataString(job.Key)}"),
            };
            await mail.QueueAsync(db, new ThemedMessage(Template, person.Email!, person.DisplayName, culture, model), cancellationToken);
        }
    }
}
