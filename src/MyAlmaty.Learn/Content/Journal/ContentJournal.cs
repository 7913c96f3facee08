using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Journal;

/// <summary>Writes journal entries beside the change they describe, to be saved with it.</summary>
public static class ContentJournal
{
    /// <summary>Adds an entry for an operation on <paramref name="item"/>; saved by the caller's next save.</summary>
    public static ContentChange Record(DbContext db, ContentItem item, ContentOperation operation, string actor, DateTime nowUtc, int? versionNumber = null, string? note = null)
    {
        var deleted = operation == ContentOperation.Deleted;
        var change = new ContentChange
        {
            Operation = operation,
            // A deleted item's entry keeps its key only: the item row goes away in the same save.
            ContentItem = deleted ? null : item,
            ContentItemId = deleted ? null : item.Id == 0 ? null : item.Id,
            Culture = item.Culture,
            ContentType = item.ContentType,
            TranslationKey = item.TranslationKey,
            VersionNumber = versionNumber,
            Actor = actor,
            Note = note,
            CreatedUtc = nowUtc,
        };
        db.Add(change);
        return change;
    }

    /// <summary>The position of the newest entry: 0 for an empty journal.</summary>
    public static async Task<long> PositionAsync(LearnDbContext db, CancellationToken cancellationToken) =>
        await db.Set<ContentChange>().MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
}

/// <summary>Wakes this process's catalog follower when a change was journalled here.</summary>
public sealed class ContentChangeSignal : WakeUpSignal;

/// <summary>
/// Refuses to save a change to content that has no journal entry in the same save, so that no path —
/// import, editor, schedule, a later feature — can change content that other nodes, search and the
/// audit trail would never hear of. Only the bookkeeping of files (an item's path and hash, a version's
/// source filled in from its unchanged file) may change alone.
/// </summary>
internal sealed class ContentJournalGuard : SaveChangesInterceptor
{
    private static readonly HashSet<string> Bookkeeping = [nameof(ContentItem.SourcePath), nameof(ContentItem.ImportedHash)];

    /// <summary>A version's source filled in from the file it was imported from (its text is unchanged).</summary>
    private static readonly HashSet<string> VersionBookkeeping = [nameof(ContentItemVersion.Source), nameof(ContentItemVersion.TitleKey)];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Check(db, id => db.Set<ContentItem>().AsNoTracking().Where(i => i.Id == id).Select(i => new ContentKey(i.Culture, i.ContentType, i.TranslationKey)).FirstOrDefault());
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db) return result;
        var keys = new Dictionary<int, ContentKey?>();
        foreach (var id in UntrackedOwners(db))
        {
            keys[id] = await db.Set<ContentItem>().AsNoTracking().Where(i => i.Id == id)
                .Select(i => new ContentKey(i.Culture, i.ContentType, i.TranslationKey)).FirstOrDefaultAsync(cancellationToken);
        }
        Check(db, id => keys.GetValueOrDefault(id));
        return result;
    }

    private static void Check(DbContext db, Func<int, ContentKey?> keyOfUntracked)
    {
        var journalled = db.ChangeTracker.Entries<ContentChange>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.Key)
            .ToHashSet();
        var tracked = db.ChangeTracker.Entries<ContentItem>().Select(e => e.Entity).Where(i => i.Id != 0).ToDictionary(i => i.Id);
        var changed = db.ChangeTracker.Entries<ContentItem>()
            .Where(e => e.State is EntityState.Added or EntityState.Deleted
                || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name))))
            .Select(e => ContentKey.Of(e.Entity))
            .Concat(db.ChangeTracker.Entries<ContentItemVersion>()
                .Where(e => e.State is EntityState.Added or EntityState.Deleted
                    || (e.State == EntityState.Modified && e.Properties.Any(p => p.IsModified && !VersionBookkeeping.Contains(p.Metadata.Name))))
                .Select(e => e.Entity.ContentItem is { } item ? ContentKey.Of(item)
                    : tracked.TryGetValue(e.Entity.ContentItemId, out var owner) ? ContentKey.Of(owner)
                    : keyOfUntracked(e.Entity.ContentItemId)))
            .OfType<ContentKey>();
        foreach (var key in changed)
        {
            if (!journalled.Contains(key))
            {
                throw new InvalidOperationException(
                    $"Content {key.ContentType} '{key.TranslationKey}' ({key.Culture}) was changed without a journal entry: record the operation with ContentJournal.Record in the same save.");
            }
        }
    }

    private static List<int> UntrackedOwners(DbContext db)
    {
        var tracked = db.ChangeTracker.Entries<ContentItem>().Select(e => e.Entity.Id).ToHashSet();
        return db.ChangeTracker.Entries<ContentItemVersion>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity.ContentItem is null && !tracked.Contains(e.Entity.ContentItemId))
            .Select(e => e.Entity.ContentItemId)
            .Distinct()
            .ToList();
    }
}
