using System.Text;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// Checks every request passes before any endpoint sees it, so that a new endpoint is covered
/// without doing anything: the address's language in lower case, forms posted only from the site
/// itself, and a malformed or oversized request answered with a themed 400 or 413, never a 500.
/// </summary>
public static class RequestGuards
{
    /// <summary>/RU/about → 301 /ru/about (a GET or HEAD); any other method at such an address finds nothing.</summary>
    public static IApplicationBuilder UseLowerCaseCultures(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var path = http.Request.Path.Value ?? "";
        if (path.Length >= 3 && (path.Length == 3 || path[3] == '/') && path.AsSpan(1, 2) is var first
            && Cultures.IsSupported(first.ToString().ToLowerInvariant()) && !Cultures.IsSupported(first.ToString()))
        {
            if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                http.Response.Headers.Location = "/" + first.ToString().ToLowerInvariant() + new PathString(path[3..]).ToUriComponent() + AsciiOnly(http.Request.QueryString.Value);
                return;
            }
            await Refusals.WriteAsync(http, StatusCodes.Status404NotFound);
            return;
        }
        await next(http);
    });

    /// <summary>
    /// A form posted by a page of another site changes nothing, whatever cookies it rides on. Browsers
    /// say where a request comes from (Sec-Fetch-Site, else Origin); a request that says neither is
    /// not a browser's cross-site form and still needs its antiforgery token where one is asked for.
    /// </summary>
    public static IApplicationBuilder UseSameOriginPosts(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var method = http.Request.Method;
        var safe = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
        if (!safe && IsCrossSite(http) && http.GetEndpoint()?.Metadata.GetMetadata<CrossSitePostsAllowed>() is null)
        {
            await Refusals.WriteAsync(http, StatusCodes.Status403Forbidden);
            return;
        }
        await next(http);
    });

    /// <summary>Too many fields, a value or a body over the limits, a broken form: the reader's fault, told in their language.</summary>
    public static IApplicationBuilder UseMalformedRequestAnswers(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        // A body in a character set the runtime does not read (utf-7, a made-up name) would fail deep inside form reading.
        if (http.Request.ContentType is { } type && !ReadableCharset(type))
        {
            await Refusals.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType);
            return;
        }
        try
        {
            await next(http);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException && !http.Response.HasStarted)
        {
            var status = TooLarge(e) ? StatusCodes.Status413PayloadTooLarge : e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MyAlmaty.Learn.Requests")
                .LogInformation("Refused {Method} {Path}: {Status} {Reason}", http.Request.Method, LoggedPaths.Redact(http.Request.Path), status, e.Message);
            http.Response.Clear();
            await Refusals.WriteAsync(http, status is >= 400 and < 500 ? status : StatusCodes.Status400BadRequest);
        }
    });

    /// <summary>
    /// The body went over its limit, even where reading the form for its antiforgery token (or for a
    /// parameter) wrapped that in another refusal: the sender is told what to change.
    /// </summary>
    private static bool TooLarge(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
        }
        return false;
    }

    private static bool ReadableCharset(string contentType)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)) return false;
        var charset = media.Charset.Value;
        if (string.IsNullOrEmpty(charset)) return true;
        return charset.Trim('"').ToLowerInvariant() is "utf-8" or "utf8" or "us-ascii" or "iso-8859-1";
    }

    private static bool IsCrossSite(HttpContext http)
    {
        var fetchSite = http.Request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0) return fetchSite is not ("same-origin" or "none");
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return false;
        var own = $"{http.Request.Scheme}://{http.Request.Host.Value}";
        return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(origin, http.RequestServices.GetRequiredService<PublicAddress>().Origin, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Percent-encodes what may not stand in a header as it is (control characters, spaces, non-ASCII).</summary>
    internal static string AsciiOnly(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value.All(c => c is > ' ' and < (char)0x7F)) return value;
        var encoded = new StringBuilder(value.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length]) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }
}

/// <summary>Marks an endpoint that must take posts from other sites (e.g. a one-click unsubscribe from a mail client).</summary>
public sealed class CrossSitePostsAllowed;
