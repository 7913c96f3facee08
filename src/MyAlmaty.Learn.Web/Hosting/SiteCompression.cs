using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// Brotli and gzip for what the site sends as text: pages, CSS, JavaScript, JSON, the sitemap,
/// Atom feeds, robots.txt and SVG — over HTTP and HTTPS alike, but only for responses that are the
/// same for everyone.
/// </summary>
/// <remarks>
/// <para>
/// BREACH recovers a secret from an HTTPS response by watching its compressed size while the
/// attacker's own text is reflected beside it. It needs both in one compressed body. Our secrets in
/// bodies are antiforgery tokens (and a signed-in person's own data); our reflected text is mostly the
/// search query. So a response is compressed only when <see cref="SharedResponses.MayHoldSecrets"/>
/// says it holds none: nobody is signed in, and it is not marked no-store or private — the
/// antiforgery service marks every response it puts a token in no-store itself, so a page with a
/// form, for anyone, goes out uncompressed. What is left — public pages, assets, the sitemap, feeds —
/// holds nothing an attacker could learn, so <c>EnableForHttps</c> is safe for it.
/// </para>
/// <para>
/// The rule is the same over plain HTTP, so what tests see locally is what readers get behind TLS.
/// Compression runs outside the output cache: the cache keeps one uncompressed copy of a page and
/// each answer is compressed on the way out at the fastest level (a public page is tens of KB; this
/// costs well under a millisecond, and the cache never holds an encoding a client did not ask for).
/// </para>
/// </remarks>
public static class SiteCompression
{
    public static readonly IReadOnlyList<string> MimeTypes =
        [.. ResponseCompressionDefaults.MimeTypes.Union(["text/html", "text/css", "text/javascript", "application/json", "application/xml", "application/atom+xml", "image/svg+xml", "text/plain"])];

    public static IServiceCollection AddSiteCompression(this IServiceCollection services)
    {
        // Registered first: AddResponseCompression only adds its own provider when there is none.
        services.AddSingleton<IResponseCompressionProvider, SharedResponsesOnly>();
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = MimeTypes;
        });
        return services;
    }

    /// <summary>The framework's choice of encoding and type, asked only for responses without secrets.</summary>
    private sealed class SharedResponsesOnly(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _framework = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _framework.GetCompressionProvider(context);

        public bool ShouldCompressResponse(HttpContext context) => !SharedResponses.MayHoldSecrets(context) && _framework.ShouldCompressResponse(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => _framework.CheckRequestAcceptsCompression(context);
    }
}
