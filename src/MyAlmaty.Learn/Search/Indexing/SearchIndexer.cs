using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>
/// Keeps this node's indexes in step with the database (Orchard's LuceneIndexingService): reads the
/// content journal from each index's cursor, re-reads the items it names and replaces their documents.
/// Woken at once by changes made in this process, and polls for those of other nodes. Before the site takes
/// requests, a missing, broken or outdated index is rebuilt and the others catch up.
/// </summary>
public sealed class SearchIndexer(
    SearchIndexes indexes, IServiceScopeFactory scopes, IndexingSignal signal, SearchOptions options, TimeProvider clock, ILogger<SearchIndexer> logger)
    : BackgroundService
{
    private const int BatchSize = 256;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var index in indexes.All)
        {
            if (index.NeedsRebuild)
            {
                await RebuildAsync(index, progress: null, cancellationToken);
            }
        }
        await CatchUpAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastCommit = clock.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                var now = clock.GetUtcNow();
                if (now - lastCommit >= options.CommitInterval)
                {
                    foreach (var index in indexes.All) index.CommitIfChanged();
                    lastCommit = now;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Search indexing failed; it will be tried again.");
            }
            await signal.WaitAsync(options.PollInterval, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var index in indexes.All) index.CommitIfChanged();
    }

    /// <summary>Applies every queued change past each index's cursor; returns how many entries were read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var applied = 0;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var documents = scope.ServiceProvider.GetRequiredService<ContentSearchDocuments>();
            foreach (var index in indexes.All)
            {
                while (true)
                {
                    var cursor = index.Cursor;
                    var tasks = await db.Set<ContentChange>().AsNoTracking()
                        .Where(t => t.Culture == index.Culture && t.Id > cursor)
                        .OrderBy(t => t.Id)
                        .Select(t => new { t.Id, t.Culture, t.ContentType, t.TranslationKey })
                        .Take(BatchSize)
                        .ToListAsync(cancellationToken);
                    if (tasks.Count == 0) break;
                    foreach (var task in tasks.DistinctBy(t => (t.ContentType, t.TranslationKey)))
                    {
                        var current = await documents.ForAsync(db, task.Culture, task.ContentType, task.TranslationKey, cancellationToken);
                        index.Replace(SearchDocument.RefOf(task.ContentType, task.TranslationKey), current);
                    }
                    index.Refresh(tasks[^1].Id);
                    applied += tasks.Count;
                }
            }
            return applied;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Fills an index afresh from the database. The cursor is set to the end of the queue as it was
    /// before reading, so changes made during the rebuild are applied again afterwards.
    /// </summary>
    public async Task RebuildAsync(SearchIndex index, IProgress<RebuildProgress>? progress, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var documents = scope.ServiceProvider.GetRequiredService<ContentSearchDocuments>();
            var cursor = await ContentJournal.PositionAsync(db, cancellationToken);
            var total = await documents.CountAsync(db, index.Culture, cancellationToken);
            var done = 0;
            progress?.Report(new RebuildProgress(index.Culture, 0, total));
            index.Clear();
            await foreach (var page in documents.AllAsync(db, index.Culture, BatchSize, cancellationToken))
            {
                foreach (var group in page.GroupBy(d => d.Ref))
                {
                    foreach (var document in group) index.Add(document);
                    done++;
                }
                progress?.Report(new RebuildProgress(index.Culture, Math.Min(done, total), total));
            }
            index.Rebuilt(cursor);
            logger.LogInformation("Search index {Culture} rebuilt: {Count} items.", index.Culture, done);
        }
        finally
        {
            _gate.Release();
        }
    }
}

public sealed record RebuildProgress(string Culture, int Done, int Total);
