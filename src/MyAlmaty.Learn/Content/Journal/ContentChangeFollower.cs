using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Journal;

/// <summary>How often a node looks at the journal for changes made by other nodes.</summary>
public sealed class ContentOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often scheduled publications are checked: a publication goes out at most this late.</summary>
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Keeps this node's catalog (and with it the page cache) in step with the journal: woken at once by
/// a change journalled in this process, and polling for those of other nodes sharing the database. A
/// poll is one indexed read of the newest entry's id.
/// </summary>
public sealed class ContentChangeFollower(
    PublishedContent published, IServiceScopeFactory scopes, ContentChangeSignal signal, ContentOptions options, ILogger<ContentChangeFollower> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FollowAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Following content changes failed; it will be tried again.");
            }
            await signal.WaitAsync(options.PollInterval, stoppingToken);
        }
    }

    /// <summary>Reloads the catalog when the journal has moved past it; true when it did.</summary>
    public async Task<bool> FollowAsync(CancellationToken cancellationToken = default)
    {
        long position;
        await using (var scope = scopes.CreateAsyncScope())
        {
            position = await ContentJournal.PositionAsync(scope.ServiceProvider.GetRequiredService<LearnDbContext>(), cancellationToken);
        }
        // The empty catalog of a node that has not loaded yet is the initializer's to fill.
        var current = published.Current;
        if (current == ContentCatalog.Empty || position <= current.JournalPosition) return false;
        await published.ReloadAsync(cancellationToken);
        return true;
    }
}
