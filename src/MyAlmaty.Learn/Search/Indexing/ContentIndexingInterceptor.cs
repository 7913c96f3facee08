using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Reading;

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
        if (eventData.Context is { } db) QueueChanges(db, ContentKeys.ChangedBy(db));
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) QueueChanges(db, await ContentKeys.ChangedByAsync(db, cancellationToken));
        return result;
    }

    private void QueueChanges(DbContext db, IReadOnlyList<ContentKey> keys)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var key in keys)
        {
            db.Add(new IndexingTask { Culture = key.Culture, ContentType = key.ContentType, TranslationKey = key.TranslationKey, CreatedUtc = now });
        }
    }
}
