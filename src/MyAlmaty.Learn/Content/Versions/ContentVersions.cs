using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Versions;

/// <summary>One version in an item's history.</summary>
public sealed record VersionInfo(
    int Number,
    bool Latest,
    bool Published,
    string Title,
    string Author,
    DateTime CreatedUtc,
    DateTime? PublishedUtc,
    string? SourceCulture,
    int? SourceVersion);

/// <summary>An item's versions and their differences, read from the database for the editors' workspace.</summary>
public sealed class ContentVersions(LearnDbContext db, ContentTypeRegistry types)
{
    /// <summary>Every version of the item, newest first; empty when the item does not exist.</summary>
    public async Task<IReadOnlyList<VersionInfo>> HistoryAsync(ContentKey key, CancellationToken cancellationToken = default) =>
        await Versions(key)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionInfo(v.Number, v.Latest, v.Published, v.Title, v.Author, v.CreatedUtc, v.PublishedUtc, v.SourceCulture, v.SourceVersion))
            .ToListAsync(cancellationToken);

    /// <summary>Version <paramref name="oldNumber"/> of the item compared with version <paramref name="newNumber"/>; null when either does not exist.</summary>
    public Task<VersionComparison?> CompareAsync(ContentKey key, int oldNumber, int newNumber, CancellationToken cancellationToken = default) =>
        CompareAsync(key, oldNumber, key, newNumber, cancellationToken);

    /// <summary>
    /// A version of one item compared with a version of another of the same type (a translation with its
    /// source, say); null when either version does not exist.
    /// </summary>
    /// <exception cref="ArgumentException">The items are of different types.</exception>
    public async Task<VersionComparison?> CompareAsync(ContentKey oldKey, int oldNumber, ContentKey newKey, int newNumber, CancellationToken cancellationToken = default)
    {
        if (oldKey.ContentType != newKey.ContentType) throw new ArgumentException($"Versions of {oldKey.ContentType} and {newKey.ContentType} cannot be compared field by field.", nameof(newKey));
        var old = await Versions(oldKey).FirstOrDefaultAsync(v => v.Number == oldNumber, cancellationToken);
        var @new = await Versions(newKey).FirstOrDefaultAsync(v => v.Number == newNumber, cancellationToken);
        return old is null || @new is null ? null : VersionDiff.Compare(types.Get(oldKey.ContentType), oldKey, old, newKey, @new);
    }

    private IQueryable<ContentItemVersion> Versions(ContentKey key) =>
        db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => v.ContentItem!.Culture == key.Culture && v.ContentItem.ContentType == key.ContentType && v.ContentItem.TranslationKey == key.TranslationKey);
}
