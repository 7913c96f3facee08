using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Scheduling;

/// <summary>
/// Runs the jobs whose time has come: at start (catching up what a stopped site missed) and then every
/// <see cref="SchedulingOptions.PollInterval"/>. Each job is claimed by a conditional update and marked done
/// in the same transaction as what it wrote, so it runs once whichever node gets to it first.
/// </summary>
public sealed partial class ScheduledJobRunner(
    IServiceScopeFactory scopes, SchedulingOptions options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<ScheduledJobRunner> logger) : BackgroundService
{
    private readonly string _worker = $"{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Jobs write mail with links to the site, whose address a server knows only once it listens: the first round waits for the start.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetResult()))
        {
            await started.Task;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(e);
            }
            await Task.Delay(options.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Runs every job that is due now; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ScheduledJob>().AsNoTracking()
                .Where(j => j.DoneUtc == null && j.DueUtc <= now && (j.ClaimedUntilUtc == null || j.ClaimedUntilUtc < now))
                .OrderBy(j => j.DueUtc).Select(j => j.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
        }
        var ran = 0;
        foreach (var id in due)
        {
            if (await RunOneAsync(id, cancellationToken)) ran++;
        }
        return ran;
    }

    private async Task<bool> RunOneAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var claim = $"{_worker}#{id}:{now.Ticks}";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var jobs = db.Set<ScheduledJob>();
        var claimed = await jobs.Where(j => j.Id == id && j.DoneUtc == null && j.DueUtc <= now && (j.ClaimedUntilUtc == null || j.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.ClaimedBy, claim).SetProperty(j => j.ClaimedUntilUtc, now + options.ClaimDuration), cancellationToken);
        if (claimed == 0) return false;

        var job = await jobs.AsNoTracking().SingleAsync(j => j.Id == id, cancellationToken);
        var handler = scope.ServiceProvider.GetServices<IScheduledJobHandler>().FirstOrDefault(h => h.Kind == job.Kind);
        try
        {
            if (handler is null) throw new InvalidOperationException($"No handler runs jobs of kind '{job.Kind}'.");
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await handler.RunAsync(job, db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            // Done only if the claim is still ours and nobody moved the job meanwhile; otherwise nothing it wrote stays.
            var done = await jobs.Where(j => j.Id == id && j.ClaimedBy == claim && j.DoneUtc == null && j.DueUtc == job.DueUtc)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.DoneUtc, clock.GetUtcNow().UtcDateTime)
                    .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
            if (done == 0) return false;
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            var error = $"{e.GetType().Name}: {e.Message}";
            if (error.Length > ScheduledJobConfiguration.MaxErrorLength) error = error[..ScheduledJobConfiguration.MaxErrorLength];
            // Tried again after the retry delay; a job that keeps failing stays visible with its error.
            await jobs.Where(j => j.Id == id && j.ClaimedBy == claim).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Attempts, j => j.Attempts + 1).SetProperty(j => j.LastError, error)
                .SetProperty(j => j.ClaimedUntilUtc, clock.GetUtcNow().UtcDateTime + options.RetryDelay), CancellationToken.None);
            LogJobFailed(e, job.Kind, job.Key);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Running scheduled jobs failed; trying again at the next round")]
    private partial void LogRoundFailed(Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The scheduled job {Kind} for {Key} failed; it will be tried again")]
    private partial void LogJobFailed(Exception error, string kind, string key);
}

/// <summary>The "Scheduling" configuration section.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Scheduling";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    public int BatchSize { get; set; } = 50;

    /// <summary>How long a claimed job belongs to its node; a node that dies gives it up after this.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before a failed job is tried again.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
