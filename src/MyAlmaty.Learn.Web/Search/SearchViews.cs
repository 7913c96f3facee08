using Microsoft.AspNetCore.WebUtilities;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search.Querying;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Search;

/// <summary>A search request as the page asks it: ?q=…&amp;type=…&amp;page=…&amp;other=1.</summary>
/// <remarks>The text is cleaned and cut to what is searched right away, so no link on the page repeats more than that.</remarks>
public sealed record SearchQuery(string Culture, string Text, SearchTypes.Kind? Type, int Page, bool Other, bool Workspace)
{
    public const int MaximumPage = 100;
    public const int PageSize = 10;

    public static SearchQuery From(HttpRequest request, string culture, bool workspace)
    {
        var page = int.TryParse(request.Query["page"], out var p) ? Math.Clamp(p, 1, MaximumPage) : 1;
        var (text, shortened) = SearchInput.Clean(request.Query["q"].ToString());
        return new SearchQuery(culture, text, SearchTypes.BySlug(request.Query["type"]), page, request.Query["other"] == "1", workspace) { Shortened = shortened };
    }

    /// <summary>What was typed was longer than what is searched.</summary>
    public bool Shortened { get; init; }

    public SearchRequest ToRequest(int pageSize = PageSize, bool snippets = true) => new()
    {
        Culture = Culture,
        Text = Text,
        ContentType = Type?.ContentType,
        Page = Page,
        PageSize = pageSize,
        IncludeOtherLanguage = Other,
        Workspace = Workspace,
        Snippets = snippets,
    };

    /// <summary>The address of this search with some parts changed; empty parts are left out.</summary>
    public string Url(string? text = null, SearchTypes.Kind? type = null, bool keepType = true, int page = 1, bool? other = null)
    {
        var path = Workspace ? $"/{Culture}/editor/search" : $"/{Culture}/search";
        var query = new Dictionary<string, string?> { ["q"] = text ?? Text };
        var kind = type ?? (keepType ? Type : null);
        if (kind is not null) query["type"] = kind.Slug;
        if (page > 1) query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (other ?? Other) query["other"] = "1";
        return QueryHelpers.AddQueryString(path, query);
    }
}

public sealed record SearchPageView(
    string Query, string Action, bool Other, bool Workspace, string Type, int Total, int All,
    IReadOnlyList<SearchFilterView> Filters, IReadOnlyList<SearchResultView> Results,
    IReadOnlyList<SearchPageLink> Pages, string? PreviousUrl, string? NextUrl,
    string Notice, bool Shortened, string? Suggestion, string? SuggestionUrl, string? OtherUrl, int FirstNumber);

public sealed record SearchFilterView(string Label, string Slug, int Count, string Url, bool Selected);

public sealed record SearchResultView(string TitleHtml, string SnippetHtml, string? Url, string TypeLabel, string Culture, bool OtherLanguage, string Status);

public sealed record SearchPageLink(int Number, string Url, bool Current);

/// <summary>Builds the search page's model and the instant results.</summary>
public sealed class SearchViews(PublishedContent published, ContentUrls urls, UiStrings strings)
{
    public SearchPageView Page(SearchQuery query, SearchResults results)
    {
        var all = results.Counts.Values.Sum();
        var filters = new List<SearchFilterView> { new(strings.Get(query.Culture, "All"), "", all, query.Url(keepType: false), query.Type is null) };
        filters.AddRange(SearchTypes.All
            .Where(k => results.Counts.ContainsKey(k.ContentType) || query.Type == k)
            .Select(k => new SearchFilterView(strings.Get(query.Culture, k.Plural), k.Slug, results.Counts.GetValueOrDefault(k.ContentType), query.Url(type: k), query.Type == k)));

        var pageCount = Math.Min(results.PageCount, SearchQuery.MaximumPage);
        var pages = Enumerable.Range(1, pageCount)
            .Where(n => n == 1 || n == pageCount || Math.Abs(n - results.Page) <= 2)
            .Select(n => new SearchPageLink(n, query.Url(page: n), n == results.Page))
            .ToList();

        return new SearchPageView(
            results.Text, query.Workspace ? $"/{query.Culture}/editor/search" : $"/{query.Culture}/search", query.Other, query.Workspace,
            query.Type?.Slug ?? "", results.Total, all, all > 0 ? filters : [], [.. results.Hits.Select(h => Result(query.Culture, h))], pages.Count > 1 ? pages : [],
            results.Page > 1 && pageCount > 0 ? query.Url(page: results.Page - 1) : null,
            results.Page < pageCount ? query.Url(page: results.Page + 1) : null,
            Notice(results.Notice), results.Shortened || query.Shortened, results.Suggestion,
            results.Suggestion is { } s ? query.Url(text: s) : null,
            query.Other ? null : query.Url(other: true),
            (results.Page - 1) * SearchQuery.PageSize + 1);
    }

    public SearchResultView Result(string culture, SearchHit hit)
    {
        var item = hit.Status == Learn.Search.Indexing.SearchStatus.Published ? published.Current.ByKey(hit.Culture, hit.ContentType, hit.TranslationKey) : null;
        var label = SearchTypes.ByType(hit.ContentType)?.Label ?? hit.ContentType;
        return new SearchResultView(hit.TitleHtml, hit.SnippetHtml, item is null ? null : urls.UrlFor(item, published.Current),
            strings.Get(culture, label), hit.Culture, hit.Culture != culture, hit.Status.ToString().ToLowerInvariant());
    }

    private static string Notice(SearchNotice notice) => notice switch
    {
        SearchNotice.NoWords => "no-words",
        SearchNotice.SimilarWords => "similar",
        SearchNotice.SomeWords => "some-words",
        SearchNotice.NothingFound => "nothing",
        _ => "",
    };
}
