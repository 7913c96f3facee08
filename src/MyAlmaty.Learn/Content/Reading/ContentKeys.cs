using Microsoft.EntityFrameworkCore;

namespace MyAlmaty.Learn.Content.Reading;

/// <summary>
/// The keys of the content items a pending save adds, changes or deletes, read from the context's
/// change tracker before it saves: for whatever must follow content in the same save (the search queue).
/// </summary>
public static class ContentKeys
{
    /// <summary>Each changed item once; an item whose versions changed without it being loaded is looked up.</summary>
    public static IReadOnlyList<ContentKey> ChangedBy(DbContext db) =>
        Distinct(Changed(db).Concat(VersionOwnerIds(db).Select(id => Owner(db, id).FirstOrDefault())));

    /// <inheritdoc cref="ChangedBy"/>
    public static async Task<IReadOnlyList<ContentKey>> ChangedByAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        var owners = new List<ContentKey?>();
        foreach (var id in VersionOwnerIds(db)) owners.Add(await Owner(db, id).FirstOrDefaultAsync(cancellationToken));
        return Distinct(Changed(db).Concat(owners));
    }

    // Read the tracker fully: the caller adds to it next.
    private static List<ContentKey> Distinct(IEnumerable<ContentKey?> keys) => keys.OfType<ContentKey>().Distinct().ToList();

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

    private static IQueryable<ContentKey?> Owner(DbContext db, int itemId) =>
        db.Set<ContentItem>().AsNoTracking().Where(i => i.Id == itemId)
            .Select(i => (ContentKey?)new ContentKey(i.Culture, i.ContentType, i.TranslationKey));
}
