using Microsoft.Net.Http.Headers;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Media;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Media;

/// <summary>
/// The pictures of the media library as readers get them: /media/{hash}-{width}.webp. The name is
/// made from the content, so a browser or proxy keeps a file for a year without asking again. Only
/// served widths have such names; the masters are never served.
/// </summary>
public static class MediaFileEndpoints
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static IEndpointRouteBuilder MapMediaFiles(this IEndpointRouteBuilder app)
    {
        app.MapPage("/media/{name}", async (HttpContext http, string name, MediaStorage storage, SitePages pages) =>
        {
            if (storage.Served(name) is not { } path)
            {
                return await SiteEndpoints.NotFound(http, Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage), pages);
            }
            http.Response.Headers.CacheControl = CacheControl;
            // Strong: the file is sent as it is, never compressed (WebP is compressed already).
            return TypedResults.PhysicalFile(path, "image/webp", lastModified: File.GetLastWriteTimeUtc(path),
                entityTag: new EntityTagHeaderValue($"\"{Path.GetFileNameWithoutExtension(name)}\""));
        });
        return app;
    }
}
