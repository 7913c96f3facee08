using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search;
using MyAlmaty.Learn.Search.Querying;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Search;

/// <summary>
/// The search page (works without scripts), the instant results it asks for as the reader types,
/// and the editors' search, which also finds drafts and unpublished items.
/// </summary>
public static class SearchEndpoints
{
    /// <summary>Results in the instant list under the search box.</summary>
    private const int InstantResults = 6;

    public static IEndpointRouteBuilder MapSearchPages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup(SiteEndpoints.CulturePattern).AddEndpointFilter(TakeTurnAsync);
        site.MapPage("/search", (HttpContext http, string culture, SiteSearch search, SearchViews views, SitePages pages) =>
            RenderAsync(http, culture, workspace: false, search, views, pages));
        site.MapPage("/search.json", Instant);
        site.MapPage("/editor/search", (HttpContext http, string culture, SiteSearch search, SearchViews views, SitePages pages) =>
            RenderAsync(http, culture, workspace: true, search, views, pages)).RequirePermission(Permissions.ContentView);
        return app;
    }

    /// <summary>Runs the search when its turn comes; with the queue full, asks the reader to try again in a moment.</summary>
    private static async ValueTask<object?> TakeTurnAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        using var turn = await http.RequestServices.GetRequiredService<SearchTurns>().WaitAsync(http, http.RequestAborted);
        if (!turn.IsAcquired) return await SiteEndpoints.TooManyRequests(http, retryAfterSeconds: 5);
        return await next(context);
    }

    private static Task<IResult> RenderAsync(HttpContext http, string culture, bool workspace, SiteSearch search, SearchViews views, SitePages pages)
    {
        var query = SearchQuery.From(http.Request, culture, workspace);
        var results = search.Search(query.ToRequest());
        var section = workspace ? "editor" : "search";
        var page = SitePages.ForSection(http, culture, section) with { Self = query.Url(page: results.Page) };
        return pages.Render(http, "search", page, views.Page(query, results));
    }

    private static IResult Instant(HttpContext http, string culture, SiteSearch search, SearchViews views, UiStrings strings)
    {
        var query = SearchQuery.From(http.Request, culture, workspace: false) with { Page = 1 };
        var results = search.Search(query.ToRequest(InstantResults, snippets: false));
        var toLatin = LatinScript.IsChosen(http, culture);
        string Show(string text) => toLatin ? KazakhLatin.ToLatin(text) : text;
        http.Response.Headers.CacheControl = "no-store";
        // < > & and quotes go out as \u escapes (Cyrillic as it is): the answer never reads as HTML, even to a browser that guesses.
        return Results.Json(new
        {
            query = results.Text,
            total = results.Total,
            notice = results.Notice.ToString(),
            summary = Show(results.Total == 0
                ? strings.Get(culture, "Nothing found")
                : strings.Plural(culture, results.Total, "{0} result", "{0} results")),
            all = query.Url(),
            results = results.Hits.Select(h => views.Result(culture, h)).Select(r => new
            {
                title = Show(r.TitleHtml),
                url = r.Url,
                type = Show(r.TypeLabel),
            }),
        }, SafeJson);
    }

    private static readonly System.Text.Json.JsonSerializerOptions SafeJson = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
