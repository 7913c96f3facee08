using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content;

/// <summary>
/// Publishing an item, taking it off the site, revising and deleting it: the operations the editors'
/// workspace is built on. Each saves with its journal entry, then publishes a new catalog here; other
/// nodes, search and the audit trail follow the journal.
/// </summary>
public sealed class ContentPublishing(LearnDbContext db, PublishedContent published, ContentTypeRegistry types, TimeProvider clock)
{
    /// <summary>Makes the newest version the published one. False when the item does not exist.</summary>
    public async Task<bool> PublishAsync(ContentKey key, string actor, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        var latest = item.Versions.Single(v => v.Latest);
        if (latest.Published) return true;
        var now = Now;
        foreach (var version in item.Versions) version.Published = version.Latest;
        latest.PublishedUtc ??= now;
        ContentJournal.Record(db, item, ContentOperation.Published, actor, now, latest.Number);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Takes the item off the site; its versions are kept.</summary>
    public async Task<bool> UnpublishAsync(ContentKey key, string actor, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        if (item.Versions.FirstOrDefault(v => v.Published) is not { } live) return true;
        foreach (var version in item.Versions) version.Published = false;
        ContentJournal.Record(db, item, ContentOperation.Unpublished, actor, Now, live.Number);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Adds a version with a new title and body (the rest as in the newest version), published or as a draft.</summary>
    public async Task<bool> ReviseAsync(ContentKey key, string title, string body, string author, bool publish, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        var latest = item.Versions.Single(v => v.Latest);
        var source = ContentSource.WithTitleAndBody(latest.Source, types.Get(item.ContentType), title, body);
        var version = new ContentItemVersion
        {
            Title = title,
            Slug = latest.Slug,
            Body = body,
            Metadata = latest.Metadata,
            Source = source,
            ContentHash = ContentEditing.Hash(source),
            Author = author,
        };
        var now = Now;
        ContentVersioning.AddVersion(item, version, publish, now);
        ContentJournal.Record(db, item, ContentOperation.Revised, author, now, version.Number);
        if (publish) ContentJournal.Record(db, item, ContentOperation.Published, author, now, version.Number);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Deletes the item with all its versions; its journal entries stay.</summary>
    public async Task<bool> DeleteAsync(ContentKey key, string actor, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        ContentJournal.Record(db, item, ContentOperation.Deleted, actor, Now, item.Versions.Max(v => (int?)v.Number));
        db.Remove(item);
        return await SaveAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Task<ContentItem?> LoadAsync(ContentKey key, CancellationToken cancellationToken) =>
        db.Set<ContentItem>()
            .Include(i => i.Versions)
            .FirstOrDefaultAsync(i => i.Culture == key.Culture && i.ContentType == key.ContentType && i.TranslationKey == key.TranslationKey, cancellationToken);

    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        await published.ReloadAsync(cancellationToken);
        return true;
    }
}
