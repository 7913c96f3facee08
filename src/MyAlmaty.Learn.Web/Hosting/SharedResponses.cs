using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// Which responses are the same for everyone, and the validators they carry. Compression and
/// entity tags are given only to those: a response that holds a secret or someone's own state is
/// neither compressed (BREACH, see <see cref="SiteCompression"/>) nor tagged (a tag would let a
/// shared cache or a tracker tell one person's page from another's).
/// </summary>
public static class SharedResponses
{
    /// <summary>
    /// The response may hold a secret: it is for a signed-in person (their address, their
    /// antiforgery token), or it says no-store or private — which the antiforgery service writes
    /// itself on every response it puts a token in, and the site on attempts, searches and exports.
    /// </summary>
    public static bool MayHoldSecrets(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
        || CacheControlHeaderValue.TryParse(http.Response.Headers.CacheControl.ToString(), out var cache) && (cache.NoStore || cache.Private);

    /// <summary>
    /// The response is the same for every visitor who asks the same way: nothing secret in it, and
    /// the request carries no cookie the page reads a person's state from (an anonymous learner's
    /// progress, a session) — the same test the page cache applies.
    /// </summary>
    public static bool IsShared(HttpContext http) =>
        !MayHoldSecrets(http) && !SiteCaching.Personal(http.Request);

    /// <summary>
    /// A weak entity tag from the bytes of the uncompressed body. Weak, because the same tag stands
    /// for the identity, gzip and Brotli encodings of the body, which differ byte for byte.
    /// </summary>
    public static string EntityTag(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return $"W/\"{Convert.ToHexStringLower(hash[..16])}\"";
    }

    /// <summary>If-None-Match names the tag (weak comparison, as RFC 9110 asks for this header), or is «*».</summary>
    public static bool NotModified(HttpRequest request, string entityTag)
    {
        var asked = request.Headers.IfNoneMatch;
        if (asked.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParse(entityTag, out var own)) return false;
        if (!EntityTagHeaderValue.TryParseList(asked, out var tags)) return false;
        return tags.Any(t => t.Tag == EntityTagHeaderValue.Any.Tag || t.Compare(own, useStrongComparison: false));
    }
}
