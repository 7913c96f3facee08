using Microsoft.AspNetCore.OutputCaching;
using MyAlmaty.Learn.Content.Published;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// Public pages are the same for every anonymous reader until content changes, so they are kept
/// in the output cache and all dropped together when a new catalog is published. Only a request
/// that names nothing but the page is cached: what a cached page shows must follow from its key
/// alone, or one odd request would decide what everyone else gets.
/// </summary>
public static class SiteCaching
{
    public const string PagePolicy = "pages";
    public const string ContentTag = "content";

    /// <summary>All cached pages together; the shipped site needs under 10 MB.</summary>
    public const long SizeLimit = 64L * 1024 * 1024;

    public static IServiceCollection AddSitePageCache(this IServiceCollection services, bool enabled)
    {
        services.AddOutputCache(o =>
        {
            o.SizeLimit = SizeLimit;
            o.MaximumBodySize = 1024 * 1024;
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(PagePolicy, b =>
            {
                if (!enabled)
                {
                    b.NoCache();
                    return;
                }
                // A reader with an account or progress sees their own state on the page.
                b.With(c => !Personal(c.HttpContext.Request) && Plain(c.HttpContext.Request)).Tag(ContentTag).SetVaryByQuery(Endpoints.SitePages.NoticeParameter)
                    .VaryByValue(c => new KeyValuePair<string, string>("script", Themes.LatinScript.IsChosen(c, Localization.Cultures.Kazakh) ? "latn" : "")).Expire(TimeSpan.FromHours(1));
            });
        });
        services.AddHostedService<EvictPagesOnPublish>();
        return services;
    }

    /// <summary>The request carries a cookie a page reads a person's own state from.</summary>
    public static bool Personal(HttpRequest request) =>
        request.Cookies.ContainsKey(Learners.LearnerIdentity.AnonymousCookie) || request.Cookies.ContainsKey("ma_auth");

    /// <summary>The canonical request for a page: a lower-case path and no query but a known notice.</summary>
    private static bool Plain(HttpRequest request)
    {
        if (request.Path.Value is { } path && path.Any(char.IsUpper)) return false;
        if (!request.QueryString.HasValue) return true;
        return request.Query.Count == 1 && Endpoints.SitePages.IsNotice(request.Query[Endpoints.SitePages.NoticeParameter]);
    }

    private sealed class EvictPagesOnPublish(PublishedContent published, IOutputCacheStore store) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            published.Changed += Evict;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            published.Changed -= Evict;
            return Task.CompletedTask;
        }

        private void Evict(ContentCatalog catalog) => store.EvictByTagAsync(ContentTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
