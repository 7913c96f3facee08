using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content;

/// <summary>
/// Publishing an item, taking it off the site, revising and deleting it: the operations the editors'
/// workspace is built on. Each saves, then publishes a new catalog; whatever listens to content
/// changes (the search index among them) follows from the save.
/// </summary>
public sealed class ContentPublishing(LearnDbContext db, PublishedContent published, TimeProvider clock)
{
    /// <summary>Makes the newest version the published one. False when the item does not exist.</summary>
    public async Task<bool> PublishAsync(ContentKey key, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var version in item.Versions)
        {
            version.Published = version.Latest;
            if (version.Latest) version.PublishedUtc ??= now;
        }
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Takes the item off the site; its versions are kept.</summary>
    public async Task<bool> UnpublishAsync(ContentKey key, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        foreach (var version in item.Versions) version.Published = false;
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Adds a version with a new title and body (the rest as in the newest version), published or as a draft.</summary>
    public async Task<bool> ReviseAsync(ContentKey key, string title, string body, string author, bool publish, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        var latest = item.Versions.Single(v => v.Latest);
        var version = new ContentItemVersion
        {
            Title = title,
            Slug = latest.Slug,
            Body = body,
            Metadata = latest.Metadata,
            ContentHash = "",
            Author = author,
        };
        ContentVersioning.AddVersion(item, version, publish, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(cancellationToken);
    }

    /// <summary>Deletes the item with all its versions.</summary>
    public async Task<bool> DeleteAsync(ContentKey key, CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(key, cancellationToken) is not { } item) return false;
        db.Remove(item);
        return await SaveAsync(cancellationToken);
    }

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
