using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MyAlmaty.Learn.Web.Themes;

/// <summary>
/// Addresses of the theme's assets with a content hash, so browsers may cache them for a year
/// and still see a changed file at once.
/// </summary>
public sealed class ThemeAssets(ThemeLocation theme, string urlPrefix = ThemeAssets.UrlPrefix)
{
    public const string UrlPrefix = "/assets";

    /// <summary>Where this theme's assets are served: /assets for the site's theme, /admin/assets for the admin's.</summary>
    public string Prefix => urlPrefix;

    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);

    public string Directory => Path.Combine(theme.Directory, "assets");

    public string Url(string relative) => _urls.GetOrAdd(relative, r =>
    {
        var file = Path.Combine(Directory, r);
        if (!File.Exists(file)) return $"{urlPrefix}/{r}";
        using var stream = File.OpenRead(file);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        return $"{urlPrefix}/{r}?v={hash}";
    });

    public void Forget() => _urls.Clear();
}

/// <summary>The folder of the active theme and its manifest.</summary>
public sealed record ThemeLocation(string Directory, ThemeManifest Manifest);
