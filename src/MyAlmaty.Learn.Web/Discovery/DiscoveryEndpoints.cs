using Microsoft.Net.Http.Headers;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Discovery;

/// <summary>What crawlers, feed readers and browsers ask for by convention: the sitemap, robots.txt, feeds, the icon.</summary>
public static class DiscoveryEndpoints
{
    /// <summary>
    /// The sitemap and feeds change with a publish: kept a few minutes, then asked again with their
    /// entity tag, which costs a 304 when nothing changed.
    /// </summary>
    private const string Changing = "public, max-age=600";

    /// <summary>
    /// The icon at its conventional addresses, which carry no content hash: a month, then checked
    /// with its tag. Pages link the hashed /assets/ addresses, which are kept for a year.
    /// </summary>
    private const string Icon = "public, max-age=2592000";

    public static IEndpointRouteBuilder MapDiscovery(this IEndpointRouteBuilder app)
    {
        app.MapPage(Sitemap.Path, (Sitemap sitemap) =>
            new TaggedContent(sitemap.Current(), "application/xml; charset=utf-8", cacheControl: Changing));
        app.MapPage(RobotsFile.Path, (RobotsFile robots) =>
            new TaggedContent(robots.Current(), "text/plain; charset=utf-8", cacheControl: "public, max-age=86400"));
        app.MapPage(SiteEndpoints.CulturePattern + "/summaries/feed.atom", (string culture, SummaryFeed feed) =>
            new TaggedContent(feed.Current(culture), SummaryFeed.ContentType, cacheControl: Changing));
        app.MapPage("/favicon.ico", (HttpContext http, ThemeAssets assets, SitePages pages) => ThemeIcon(http, assets, pages, "favicon.ico", "image/x-icon"));
        app.MapPage("/favicon.svg", (HttpContext http, ThemeAssets assets, SitePages pages) => ThemeIcon(http, assets, pages, "favicon.svg", "image/svg+xml"));
        return app;
    }

    private static async Task<IResult> ThemeIcon(HttpContext http, ThemeAssets assets, SitePages pages, string file, string contentType)
    {
        if (assets.Version(file) is not { } version)
        {
            return await SiteEndpoints.NotFound(http, Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage), pages);
        }
        http.Response.Headers.CacheControl = Icon;
        var path = Path.Combine(assets.Directory, file);
        // Weak: the SVG also goes out compressed, under the same tag.
        return TypedResults.PhysicalFile(path, contentType, lastModified: File.GetLastWriteTimeUtc(path), entityTag: new EntityTagHeaderValue($"\"{version}\"", isWeak: true));
    }
}
