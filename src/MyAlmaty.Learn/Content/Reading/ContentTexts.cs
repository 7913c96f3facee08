using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Reading;

/// <summary>
/// What readers get to read of content items: of each item the versions that matter (the published
/// one, and the newest when it is another), each as its title and its plain text, made the way the
/// site shows it. For features that work with the words of content (search) without touching its
/// tables. The caller's database context is used, so its reads share the caller's unit of work.
/// </summary>
public sealed class ContentTexts(ContentTypeRegistry types, MarkdownRenderer markdown)
{
    /// <summary>One item, or null when it does not exist.</summary>
    public async Task<ItemTexts?> ForItemAsync(LearnDbContext db, ContentKey key, CancellationToken cancellationToken = default)
    {
        var row = await Rows(db.Set<ContentItem>()
                .Where(i => i.Culture == key.Culture && i.ContentType == key.ContentType && i.TranslationKey == key.TranslationKey))
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : Texts(row);
    }

    /// <summary>
    /// Every item of <paramref name="culture"/> of the given types, <paramref name="pageSize"/> at a
    /// time in the order of their ids (a page starts after the last id of the one before, so items
    /// added or deleted meanwhile neither shift nor repeat the others).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ItemTexts>> ForCultureAsync(
        LearnDbContext db, string culture, IReadOnlyCollection<string> contentTypes, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var typeList = contentTypes.ToList();
        var lastId = 0;
        while (true)
        {
            var rows = await Rows(db.Set<ContentItem>()
                    .Where(i => i.Culture == culture && typeList.Contains(i.ContentType) && i.Id > lastId)
                    .OrderBy(i => i.Id)
                    .Take(pageSize))
                .ToListAsync(cancellationToken);
            if (rows.Count == 0) yield break;
            lastId = rows[^1].Id;
            yield return rows.Select(Texts).ToList();
        }
    }

    /// <summary>How many items <see cref="ForCultureAsync"/> goes through.</summary>
    public Task<int> CountAsync(LearnDbContext db, string culture, IReadOnlyCollection<string> contentTypes, CancellationToken cancellationToken = default)
    {
        var typeList = contentTypes.ToList();
        return db.Set<ContentItem>().CountAsync(i => i.Culture == culture && typeList.Contains(i.ContentType), cancellationToken);
    }

    private sealed record ItemRow(int Id, string Culture, string ContentType, string TranslationKey, List<VersionRow> Versions);

    private sealed record VersionRow(int Id, int Number, bool Latest, bool Published, string Title, string Body, string Metadata);

    // Only the two versions that matter, and only the columns that make their text.
    private static IQueryable<ItemRow> Rows(IQueryable<ContentItem> items) =>
        items.AsNoTracking().Select(i => new ItemRow(i.Id, i.Culture, i.ContentType, i.TranslationKey,
            i.Versions.Where(v => v.Latest || v.Published)
                .Select(v => new VersionRow(v.Id, v.Number, v.Latest, v.Published, v.Title, v.Body, v.Metadata))
                .ToList()));

    private ItemTexts Texts(ItemRow item)
    {
        var published = item.Versions.FirstOrDefault(v => v.Published);
        var latest = item.Versions.FirstOrDefault(v => v.Latest);
        var versions = new List<VersionText>(2);
        if (published is not null)
        {
            versions.Add(Text(item, published, VersionStatus.Published, newest: latest is null || latest.Id == published.Id));
        }
        if (latest is not null && latest.Id != published?.Id)
        {
            versions.Add(Text(item, latest, published is null ? VersionStatus.Unpublished : VersionStatus.Draft, newest: true));
        }
        return new ItemTexts(item.Id, new ContentKey(item.Culture, item.ContentType, item.TranslationKey), versions);
    }

    private VersionText Text(ItemRow item, VersionRow version, VersionStatus status, bool newest) =>
        new(version.Id, version.Number, status, newest, version.Title,
            string.Join('\n', MetadataText(item.ContentType, version.Metadata).Append(markdown.VisibleText(version.Body)).Where(t => t.Length > 0)));

    /// <summary>The type's fields that its page shows as text (a summary, a term's definition and other names).</summary>
    private IEnumerable<string> MetadataText(string contentType, string json) =>
        types.TryGet(contentType, out var type) && JsonSerializer.Deserialize(json, type.MetadataType, ContentVersionWriter.MetadataJson) is ContentMetadata metadata
            ? metadata.SearchableText().Where(t => t.Length > 0)
            : [];
}

/// <summary>An item with the versions that matter: the published one first, then the newest when it is another.</summary>
public sealed record ItemTexts(int ItemId, ContentKey Key, IReadOnlyList<VersionText> Versions);

/// <summary>One version of an item as readers get it.</summary>
/// <param name="Newest">Whether no newer version exists: what editors work on.</param>
/// <param name="Text">
/// The plain text a reader sees, one line per block: the type's fields shown as text, then the body
/// as the site renders it (sanitized: no raw HTML's scripts, styles, comments or attributes; no link
/// addresses; images as their alternative text).
/// </param>
public sealed record VersionText(int VersionId, int Number, VersionStatus Status, bool Newest, string Title, string Text);

/// <summary>Where a version stands with the public.</summary>
public enum VersionStatus
{
    /// <summary>The version the public sees.</summary>
    Published,

    /// <summary>A newer version waiting beside the published one.</summary>
    Draft,

    /// <summary>The newest version of an item the public does not see: never published, or taken off the site.</summary>
    Unpublished,
}
