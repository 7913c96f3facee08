using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Published;

/// <summary>
/// Holds the current <see cref="ContentCatalog"/> and swaps in a new one after content changes: at once
/// after a change made here, and within a poll interval after one journalled by another node (see
/// <see cref="ContentChangeFollower"/>). Listeners (the page cache, renderers) subscribe to <see cref="Changed"/>.
/// </summary>
public sealed class PublishedContent(IServiceScopeFactory scopes, ContentTypeRegistry types)
{
    private ContentCatalog _current = ContentCatalog.Empty;
    private long _stamp;
    private readonly SemaphoreSlim _reload = new(1, 1);

    public ContentCatalog Current => Volatile.Read(ref _current);

    public event Action<ContentCatalog>? Changed;

    /// <summary>
    /// The metadata of one version of an item, published or not: the version a learner's attempt
    /// began on stays readable after the item changes. Null when the version does not exist.
    /// </summary>
    public async Task<T?> VersionMetadataAsync<T>(int versionId, CancellationToken cancellationToken = default) where T : ContentMetadata
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var json = await db.Set<ContentItemVersion>().AsNoTracking().Where(v => v.Id == versionId).Select(v => v.Metadata).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<T>(json, ContentVersionWriter.MetadataJson);
    }

    public async Task<ContentCatalog> ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            // Read before the versions: a change journalled meanwhile is newer than this catalog and reloads it again.
            var position = await ContentJournal.PositionAsync(db, cancellationToken);
            var rows = await db.Set<ContentItemVersion>().AsNoTracking()
                .Where(v => v.Published)
                .Select(v => new
                {
                    Version = v,
                    v.ContentItem!.ContentType,
                    v.ContentItem.Culture,
                    v.ContentItem.TranslationKey,
                    FirstPublished = db.Set<ContentItemVersion>()
                        .Where(o => o.ContentItemId == v.ContentItemId && o.PublishedUtc != null)
                        .Min(o => o.PublishedUtc),
                })
                .ToListAsync(cancellationToken);
            var items = rows
                .Where(r => types.TryGet(r.ContentType, out _))
                .Select(r => new PublishedItem
                {
                    ItemId = r.Version.ContentItemId,
                    VersionId = r.Version.Id,
                    VersionNumber = r.Version.Number,
                    ContentType = r.ContentType,
                    Culture = r.Culture,
                    TranslationKey = r.TranslationKey,
                    Slug = r.Version.Slug,
                    Title = r.Version.Title,
                    Body = r.Version.Body,
                    Metadata = (ContentMetadata)JsonSerializer.Deserialize(r.Version.Metadata, types.Get(r.ContentType).MetadataType, ContentVersionWriter.MetadataJson)!,
                    PublishedUtc = r.Version.PublishedUtc ?? r.Version.CreatedUtc,
                    FirstPublishedUtc = r.FirstPublished ?? r.Version.CreatedUtc,
                })
                .ToList();
            var catalog = new ContentCatalog(items, Interlocked.Increment(ref _stamp), position);
            Volatile.Write(ref _current, catalog);
            Changed?.Invoke(catalog);
            return catalog;
        }
        finally
        {
            _reload.Release();
        }
    }
}
