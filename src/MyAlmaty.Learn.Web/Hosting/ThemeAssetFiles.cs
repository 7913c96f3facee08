using Microsoft.Extensions.FileProviders;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>A theme's assets (the site's under /assets/, the admin's under /admin/assets/), kept by browsers for a year and sent compressed when asked.</summary>
public static class ThemeAssetFiles
{
    public static IApplicationBuilder UseThemeAssets(this IApplicationBuilder app, ThemeAssets assets)
    {
        // The file middleware compares If-None-Match strongly, so the W/ a browser sends back with
        // the weak tag below is taken off first: If-None-Match is a weak comparison by definition.
        app.Use((http, next) =>
        {
            if (http.Request.Path.StartsWithSegments(assets.Prefix) && http.Request.Headers.IfNoneMatch.ToString().Contains("W/", StringComparison.Ordinal))
            {
                http.Request.Headers.IfNoneMatch = http.Request.Headers.IfNoneMatch.ToString().Replace("W/", "", StringComparison.Ordinal);
            }
            return next(http);
        });
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = assets.Prefix,
            FileProvider = new PhysicalFileProvider(assets.Directory),
            OnPrepareResponse = f =>
            {
                // Asset URLs carry a content hash, so they never change under the same address.
                f.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                // The file's tag also stands for its gzip and Brotli encodings, so it is a weak one
                // (a weak tag never satisfies If-Range: a resumed download starts over instead of mixing encodings).
                var tag = f.Context.Response.Headers.ETag.ToString();
                if (tag.StartsWith('"')) f.Context.Response.Headers.ETag = "W/" + tag;
            },
        });
    }
}
