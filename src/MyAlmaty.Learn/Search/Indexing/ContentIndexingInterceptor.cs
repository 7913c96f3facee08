using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MyAlmaty.Learn.Content;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>
/// Queues an <see cref="IndexingTask"/> for every content item a save adds, changes or deletes,
/// in the same save — so no path that changes content (import, publishing, an editor) can leave
/// the search indexes behind (Orchard's ContentItemIndexHandler, at the storage level).
/// </summary>
internal sealed class ContentIndexingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) QueueChanges(db, Changed(db).Concat(VersionOwnerIds(db).Select(id => Load(db, id))));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db)
        {
            var owners = new List<ContentKey?>();
            foreach (var id in VersionOwnerIds(db)) owners.Add(await LoadAsync(db, id, cancellationToken));
            QueueChanges(db, Changed(db).Concat(owners));
        }
        return result;
    }

    private void QueueChanges(DbContext db, IEnumerable<ContentKey?> keys)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Read the tracker fully before adding to it.
        foreach (var key in keys.OfType<ContentKey>().Distinct().ToList())
        {
            db.Add(new IndexingTask { Culture = key.Culture, ContentType = key.ContentType, TranslationKey = key.TranslationKey, CreatedUtc = now });
        }
    }

    private static IEnumerable<ContentKey?> Changed(DbContext db) =>
        db.ChangeTracker.Entries<ContentItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (ContentKey?)ContentKey.Of(e.Entity))
            .Concat(db.ChangeTracker.Entries<ContentItemVersion>()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity.ContentItem is not null)
                .Select(e => (ContentKey?)ContentKey.Of(e.Entity.ContentItem!)));

    /// <summary>Items whose versions changed without the item itself being loaded.</summary>
    private static List<int> VersionOwnerIds(DbContext db) =>
        db.ChangeTracker.Entries<ContentItemVersion>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity.ContentItem is null)
            .Select(e => e.Entity.ContentItemId)
            .Distinct()
            .ToList();

    private static ContentKey? Load(DbContext db, int itemId) =>
        db.Set<ContentItem>().AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => new ContentKey(i.Culture, i.ContentType, i.TranslationKey)).FirstOrDefault();

    private static Task<ContentKey?> LoadAsync(DbContext db, int itemId, CancellationToken cancellationToken) =>
        db.Set<ContentItem>().AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => (ContentKey?)new ContentKey(i.Culture, i.ContentType, i.TranslationKey)).FirstOrDefaultAsync(cancellationToken);
}
