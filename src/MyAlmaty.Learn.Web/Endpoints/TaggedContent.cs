using Microsoft.Net.Http.Headers;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>
/// A body the site has whole before it answers (a page, the sitemap, a feed). When the answer is
/// the same for everyone (<see cref="SharedResponses.IsShared"/>) it carries an entity tag made from
/// the body, and a GET or HEAD that already holds that tag is answered 304 without a body. The tag
/// follows what was sent, so it changes with a publish, a new template, a new translation or a
/// restart that imported different files, and never changes without a reason.
/// </summary>
/// <remarks>
/// Decided when the result runs, not when it is made: by then the endpoint has set every header
/// (no-store on a search) that says the answer is someone's own.
/// </remarks>
public sealed class TaggedContent(byte[] body, string contentType, int status = StatusCodes.Status200OK, string? cacheControl = null) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        if (cacheControl is not null) response.Headers.CacheControl = cacheControl;
        if (status == StatusCodes.Status200OK && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)) && SharedResponses.IsShared(http))
        {
            var tag = SharedResponses.EntityTag(body);
            response.Headers.ETag = tag;
            // Said by the compression middleware too when it compresses; set here so that a 304,
            // which has no body to compress, names it as well.
            if (!response.Headers.Vary.Any(v => v?.Contains(HeaderNames.AcceptEncoding, StringComparison.OrdinalIgnoreCase) == true))
            {
                response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
            }
            if (SharedResponses.NotModified(http.Request, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }
}
