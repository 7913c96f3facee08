using Microsoft.AspNetCore.OutputCaching;
using MyAlmaty.Learn.Content.Published;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// Public pages are the same for every anonymous reader until content changes, so they are kept
/// in the output cache and all dropped together when a new catalog is published.
/// </summary>
public static class SiteCaching
{
    public const string PagePolicy = "pages";
    public const string ContentTag = "content";

    public static IServiceCollection AddSitePageCache(this IServiceCollection services, bool enabled)
    {
        services.AddOutputCache(o => o.AddPolicy(PagePolicy, b =>
        {
            if (!enabled)
            {
                b.NoCache();
                return;
            }
            // A reader with an account or progress sees their own state on the page.
            b.With(c => !Personal(c.HttpContext.Request)).Tag(ContentTag).SetVaryByQuery("notice").SetVaryByHost(true)
                .VaryByValue(c => new KeyValuePair<string, string>("script", c.Request.Cookies[Themes.LatinScript.Cookie] ?? "")).Expire(TimeSpan.FromHours(1));
        }));
        services.AddHostedService<EvictPagesOnPublish>();
        return services;
    }

    private static bool Personal(HttpRequest request) =>
        request.Cookies.ContainsKey(Learners.LearnerIdentity.AnonymousCookie) || request.Cookies.ContainsKey("ma_auth");

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
