namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// Security headers, set on every response just before it starts: after an error handler cleared
/// the response, on a refusal of the host filter, on a 405 of the router. Everything the site uses
/// is served by the site itself, so the policy can forbid inline scripts and styles and any third party.
/// </summary>
public static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>Registered before everything else, so it wraps even the host filter the framework puts first.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, Outermost>());
        return services;
    }

    private sealed class Outermost : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                http.Response.OnStarting(static state => Apply((HttpContext)state), http);
                return nextMiddleware(http);
            });
            next(app);
        };
    }

    private static Task Apply(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // Over HTTPS the browser is told to never come back over plain HTTP; a local http run is left alone.
        if (http.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000";
        // What a signed-in person sees is theirs: no shared cache, no copy left on a shared computer.
        if (http.User.Identity?.IsAuthenticated == true && !headers.ContainsKey("Cache-Control")) headers.CacheControl = "private, no-store";
        return Task.CompletedTask;
    }
}
