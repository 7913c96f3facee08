using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Scheduling;

namespace MyAlmaty.Learn.Workshops.Registrations;

/// <summary>
/// The scheduled work of a workshop's registrations: reminders a day and an hour before the start, and the end of the
/// waitlist at the start. One job per workshop and kind; scheduling again moves it, so a change of the workshop's time
/// moves them all by one call.
/// </summary>
public sealed class WorkshopReminders(ScheduledWork work, TimeProvider clock)
{
    public const string DayBefore = "workshop-reminder-24h";
    public const string HourBefore = "workshop-reminder-1h";
    public const string WaitlistEnd = "workshop-waitlist-end";

    internal static readonly (string Kind, TimeSpan Before)[] Jobs =
    [
        (DayBefore, TimeSpan.FromHours(24)),
        (HourBefore, TimeSpan.FromHours(1)),
        (WaitlistEnd, TimeSpan.Zero),
    ];

    /// <summary>
    /// Schedules (or moves) the jobs of a workshop starting at <paramref name="startsUtc"/>; adds to <paramref name="db"/>
    /// without saving. A job whose time has already passed is left alone: a reminder a day before is not sent to someone
    /// who registers an hour before, nor sent twice because someone registered after it went out.
    /// </summary>
    public async Task ScheduleAsync(LearnDbContext db, string workshopKey, DateTime startsUtc, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var (kind, before) in Jobs)
        {
            var due = startsUtc - before;
            if (due > now) await work.ScheduleAsync(db, kind, workshopKey, due, cancellationToken);
        }
    }

    /// <summary>The start the job was scheduled for: a job whose workshop has moved since does nothing.</summary>
    internal static DateTime StartOf(ScheduledJob job) => job.DueUtc + Jobs.Single(j => j.Kind == job.Kind).Before;

    /// <summary>The workshop as it is published now, if it still takes place at the time the job was scheduled for.</summary>
    internal static PublishedItem? StillOn(PublishedContent published, ScheduledJob job)
    {
        var catalog = published.Current;
        var workshop = Localization.Cultures.All.Select(c => catalog.ByKey(c, WorkshopTypeNames.Workshop, job.Key)).FirstOrDefault(w => w is not null);
        if (workshop is null) return null;
        var facts = workshop.MetadataAs<WorkshopMetadata>();
        if (facts.Status is WorkshopStatus.Cancelled or WorkshopStatus.Held) return null;
        return WorkshopCalendar.UtcOf(facts.StartsAt) == StartOf(job) ? workshop : null;
    }
}

/// <summary>Reminds everyone with a place, in their own language, a day or an hour before the workshop.</summary>
public sealed class WorkshopReminderHandler(string kind, int hours, PublishedContent published, IRegistrationEmails emails, TimeProvider clock) : IScheduledJobHandler
{
    public string Kind => kind;

    public async Task RunAsync(ScheduledJob job, LearnDbContext db, CancellationToken cancellationToken)
    {
        // Cancelled, held, moved or unpublished since: the job that the new time scheduled (if any) will remind.
        if (WorkshopReminders.StillOn(published, job) is not { } workshop) return;
        if (WorkshopReminders.StartOf(job) <= clock.GetUtcNow().UtcDateTime) return;
        var registered = await db.Set<WorkshopRegistration>().AsNoTracking()
            .Where(r => r.WorkshopKey == job.Key && r.Status == RegistrationStatus.Registered).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var registration in registered)
        {
            var own = published.Current.ByKey(registration.Culture, WorkshopTypeNames.Workshop, job.Key) ?? workshop;
            await emails.QueueAsync(db, new RegistrationEmail(RegistrationTemplates.Reminder, registration, own, HoursBefore: hours), cancellationToken);
        }
    }
}

/// <summary>At the start, those still waiting learn that no place freed up; their registrations become Expired.</summary>
public sealed class WaitlistEndHandler(PublishedContent published, IRegistrationEmails emails) : IScheduledJobHandler
{
    public string Kind => WorkshopReminders.WaitlistEnd;

    public async Task RunAsync(ScheduledJob job, LearnDbContext db, CancellationToken cancellationToken)
    {
        if (WorkshopReminders.StillOn(published, job) is not { } workshop) return;
        var waiting = await db.Set<WorkshopRegistration>()
            .Where(r => r.WorkshopKey == job.Key && r.Status == RegistrationStatus.Waitlisted).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var registration in waiting)
        {
            registration.Status = RegistrationStatus.Expired;
            registration.StatusChangedUtc = job.DueUtc;
            var own = published.Current.ByKey(registration.Culture, WorkshopTypeNames.Workshop, job.Key) ?? workshop;
            await emails.QueueAsync(db, new RegistrationEmail(RegistrationTemplates.WaitlistExpired, registration, own), cancellationToken);
        }
    }
}
