using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Reading;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>
/// Turns content items into search documents: the published version for the public, and the newest
/// version for editors (one document when they are the same). The text is what readers see, as
/// <see cref="ContentTexts"/> gives it. Quizzes are never indexed: their text would give the answers away.
/// </summary>
public sealed class ContentSearchDocuments(ContentTexts texts, SearchableTypes searchable)
{
    public async Task<List<SearchDocument>> ForAsync(LearnDbContext db, string culture, string contentType, string key, CancellationToken cancellationToken)
    {
        if (!searchable.Contains(contentType)) return [];
        var item = await texts.ForItemAsync(db, new ContentKey(culture, contentType, key), cancellationToken);
        return item is null ? [] : Documents(item).ToList();
    }

    /// <summary>Every searchable item of a culture, a page at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(LearnDbContext db, string culture, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in texts.ForCultureAsync(db, culture, searchable.Names, pageSize, cancellationToken))
        {
            yield return page.SelectMany(Documents).ToList();
        }
    }

    public Task<int> CountAsync(LearnDbContext db, string culture, CancellationToken cancellationToken) =>
        texts.CountAsync(db, culture, searchable.Names, cancellationToken);

    private static IEnumerable<SearchDocument> Documents(ItemTexts item) => item.Versions.Select(version => new SearchDocument
    {
        Culture = item.Key.Culture,
        ContentType = item.Key.ContentType,
        TranslationKey = item.Key.TranslationKey,
        Title = version.Title,
        Text = version.Text,
        Public = version.Status == VersionStatus.Published,
        Workspace = version.Newest,
        Status = version.Status switch
        {
            VersionStatus.Published => SearchStatus.Published,
            VersionStatus.Draft => SearchStatus.Draft,
            _ => SearchStatus.Unpublished,
        },
    });
}

/// <summary>The content types search finds; features add theirs (workshops will).</summary>
public sealed class SearchableTypes(IEnumerable<string> names)
{
    public IReadOnlyCollection<string> Names { get; } = names.ToHashSet(StringComparer.Ordinal);

    public bool Contains(string contentType) => ((HashSet<string>)Names).Contains(contentType);
}
