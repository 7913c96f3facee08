using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>
/// Turns content items into search documents: the published version for the public, and the newest
/// version for editors (one document when they are the same). Quizzes are never indexed: their
/// text would give the answers away.
/// </summary>
public sealed class ContentSearchDocuments(ContentTypeRegistry types, SearchableTypes searchable)
{
    public async Task<List<SearchDocument>> ForAsync(LearnDbContext db, string culture, string contentType, string key, CancellationToken cancellationToken)
    {
        if (!searchable.Contains(contentType)) return [];
        var item = await db.Set<ContentItem>().AsNoTracking()
            .Include(i => i.Versions.Where(v => v.Latest || v.Published))
            .FirstOrDefaultAsync(i => i.Culture == culture && i.ContentType == contentType && i.TranslationKey == key, cancellationToken);
        return item is null ? [] : For(item);
    }

    /// <summary>Every searchable item of a culture, a page at a time, with the number of items in all.</summary>
    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(LearnDbContext db, string culture, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var types = searchable.Names.ToList();
        var lastId = 0;
        while (true)
        {
            var items = await db.Set<ContentItem>().AsNoTracking()
                .Where(i => i.Culture == culture && types.Contains(i.ContentType) && i.Id > lastId)
                .OrderBy(i => i.Id)
                .Take(pageSize)
                .Include(i => i.Versions.Where(v => v.Latest || v.Published))
                .ToListAsync(cancellationToken);
            if (items.Count == 0) yield break;
            lastId = items[^1].Id;
            yield return items.SelectMany(For).ToList();
        }
    }

    public Task<int> CountAsync(LearnDbContext db, string culture, CancellationToken cancellationToken)
    {
        var types = searchable.Names.ToList();
        return db.Set<ContentItem>().CountAsync(i => i.Culture == culture && types.Contains(i.ContentType), cancellationToken);
    }

    private List<SearchDocument> For(ContentItem item)
    {
        var published = item.Versions.FirstOrDefault(v => v.Published);
        var latest = item.Versions.FirstOrDefault(v => v.Latest);
        var documents = new List<SearchDocument>(2);
        if (published is not null)
        {
            documents.Add(Document(item, published, SearchStatus.Published, isPublic: true, workspace: latest is null || latest.Id == published.Id));
        }
        if (latest is not null && latest.Id != published?.Id)
        {
            documents.Add(Document(item, latest, published is null ? SearchStatus.Unpublished : SearchStatus.Draft, isPublic: false, workspace: true));
        }
        return documents;
    }

    private SearchDocument Document(ContentItem item, ContentItemVersion version, SearchStatus status, bool isPublic, bool workspace) => new()
    {
        Culture = item.Culture,
        ContentType = item.ContentType,
        TranslationKey = item.TranslationKey,
        Title = version.Title,
        Text = string.Join('\n', MetadataText(item.ContentType, version.Metadata).Append(Markdig.Markdown.ToPlainText(version.Body).Trim())),
        Public = isPublic,
        Workspace = workspace,
        Status = status,
    };

    private IEnumerable<string> MetadataText(string contentType, string json) =>
        types.TryGet(contentType, out var type) && JsonSerializer.Deserialize(json, type.MetadataType, ContentVersionWriter.MetadataJson) is ContentMetadata metadata
            ? metadata.SearchableText().Where(t => t.Length > 0)
            : [];
}

/// <summary>The content types search finds; features add theirs (workshops will).</summary>
public sealed class SearchableTypes(IEnumerable<string> names)
{
    public IReadOnlyCollection<string> Names { get; } = names.ToHashSet(StringComparer.Ordinal);

    public bool Contains(string contentType) => ((HashSet<string>)Names).Contains(contentType);
}
