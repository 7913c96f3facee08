using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MyAlmaty.Learn.Web.Themes;

/// <summary>
/// Addresses of the theme's assets with a content hash, so browsers may cache them for a year
/// and still see a changed file at once.
/// </summary>
public sealed class ThemeAssets(ThemeLocation theme)
{
    public const string UrlPrefix = "/assets";

    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);

    public string Directory => Path.Combine(theme.Directory, "assets");

    public string Url(string relative) => _urls.GetOrAdd(relative, r =>
    {
        var file = Path.Combine(Directory, r);
        if (!File.Exists(file)) return $"{UrlPrefix}/{r}";
        using var stream = File.OpenRead(file);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
        return $"{UrlPrefix}/{r}?v={hash}";
    });

    public void Forget() => _urls.Clear();
}

/// <summary>The folder of the active theme and its manifest.</summary>
public sealed record ThemeLocation(string Directory, ThemeManifest Manifest);
