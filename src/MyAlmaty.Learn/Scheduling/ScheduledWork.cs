using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Scheduling;

/// <summary>
/// Runs one kind of <see cref="ScheduledJob"/>. It adds what the job causes (outbox mail, changed rows) to
/// <paramref name="db"/> WITHOUT saving: the runner saves it in one transaction with the job's «done», so
/// a job's mail is written once or not at all. A job that no longer applies (a reminder for a cancelled
/// workshop) simply adds nothing.
/// </summary>
public interface IScheduledJobHandler
{
    string Kind { get; }

    Task RunAsync(ScheduledJob job, LearnDbContext db, CancellationToken cancellationToken);
}

/// <summary>Schedules, moves and cancels jobs, inside the caller's unit of work.</summary>
public sealed class ScheduledWork(TimeProvider clock)
{
    /// <summary>
    /// Schedules <paramref name="kind"/> for <paramref name="key"/> at <paramref name="dueUtc"/>, or moves the
    /// existing job there (and makes it due again if it already ran). Adds to <paramref name="db"/> without saving.
    /// </summary>
    public async Task ScheduleAsync(LearnDbContext db, string kind, string key, DateTime dueUtc, CancellationToken cancellationToken = default)
    {
        var job = db.Set<ScheduledJob>().Local.FirstOrDefault(j => j.Kind == kind && j.Key == key)
            ?? await db.Set<ScheduledJob>().FirstOrDefaultAsync(j => j.Kind == kind && j.Key == key, cancellationToken);
        if (job is null)
        {
            db.Add(new ScheduledJob { Kind = kind, Key = key, DueUtc = dueUtc, CreatedUtc = clock.GetUtcNow().UtcDateTime });
            return;
        }
        if (job.DueUtc == dueUtc && job.DoneUtc is null) return;
        job.DueUtc = dueUtc;
        job.DoneUtc = null;
        job.Attempts = 0;
        job.LastError = null;
    }

    /// <summary>Removes the job if it has not run; adds the removal to <paramref name="db"/> without saving.</summary>
    public async Task CancelAsync(LearnDbContext db, string kind, string key, CancellationToken cancellationToken = default)
    {
        var job = db.Set<ScheduledJob>().Local.FirstOrDefault(j => j.Kind == kind && j.Key == key)
            ?? await db.Set<ScheduledJob>().FirstOrDefaultAsync(j => j.Kind == kind && j.Key == key, cancellationToken);
        if (job is not null && job.DoneUtc is null) db.Remove(job);
    }
}
