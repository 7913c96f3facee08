using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Journal;

/// <summary>
/// Publishes what was scheduled when its time comes: checked when the site starts (a publication whose
/// time passed while the site was down goes out at once) and then every <see cref="ContentOptions.SchedulePollInterval"/>.
/// Each publication happens once, whichever node gets to it first.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, ContentOptions options, TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Scheduled publishing failed; it will be tried again.");
            }
            await Task.Delay(options.SchedulePollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Publishes every scheduled version whose time has come; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<(int Id, DateTime At)> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            due = (await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentItem>().AsNoTracking()
                .Where(i => i.PublishAtUtc != null && i.PublishAtUtc <= now)
                .Select(i => new { i.Id, i.PublishAtUtc })
                .ToListAsync(cancellationToken))
                .Select(i => (i.Id, i.PublishAtUtc!.Value)).ToList();
        }
        var published = 0;
        foreach (var (id, at) in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<ContentPublishing>().PublishScheduledAsync(id, at, cancellationToken)) published++;
        }
        return published;
    }
}
