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

    /// <summary>
    /// Puts version <paramref name="number"/> on the site at <paramref name="atUtc"/>, by itself (see
    /// <see cref="Journal.ScheduledPublisher"/>); a later schedule replaces an earlier one. False when the item or version does not exist.
    /// </summary>
    public async Task<bool> ScheduleAsync(ContentKey key, int number, DateTime atUtc, string actor, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item || item.Versions.All(v => v.Number != number)) return false;
        item.PublishAtUtc = DateTime.SpecifyKind(atUtc, DateTimeKind.Utc);
        item.ScheduledVersion = number;
        item.ScheduledBy = actor;
        ContentJournal.Record(db, item, ContentOperation.Scheduled, actor, Now, number, item.PublishAtUtc.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Calls off the item's scheduled publication.</summary>
    public async Task<bool> UnscheduleAsync(ContentKey key, string actor, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        if (item.PublishAtUtc is null) return true;
        ContentJournal.Record(db, item, ContentOperation.Unscheduled, actor, Now, item.ScheduledVersion);
        item.PublishAtUtc = null;
        item.ScheduledVersion = null;
        item.ScheduledBy = null;
        return await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes the scheduled version of an item whose time has come, once: the schedule is claimed by
    /// a conditional update inside the transaction, so of two nodes only one publishes it.
    /// </summary>
    internal async Task<bool> PublishScheduledAsync(int itemId, DateTime dueUtc, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<ContentItem>()
            .Where(i => i.Id == itemId && i.PublishAtUtc == dueUtc)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.PublishAtUtc, (DateTime?)null), cancellationToken);
        if (claimed == 0) return false;
        var item = await db.Set<ContentItem>().Include(i => i.Versions).FirstAsync(i => i.Id == itemId, cancellationToken);
        var number = item.ScheduledVersion;
        var by = item.ScheduledBy;
        item.ScheduledVersion = null;
        item.ScheduledBy = null;
        if (item.Versions.FirstOrDefault(v => v.Number == number) is { } version)
        {
            var now = Now;
            foreach (var other in item.Versions) other.Published = other == version;
            version.PublishedUtc ??= now;
            ContentJournal.Record(db, item, ContentOperation.Published, ContentActors.Schedule, now, version.Number, by);
        }
        else
        {
            ContentJournal.Record(db, item, ContentOperation.Unscheduled, ContentActors.Schedule, Now, number);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await published.ReloadAsync(cancellationToken);
        return true;
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
