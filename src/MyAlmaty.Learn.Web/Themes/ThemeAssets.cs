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

    private readonly ConcurrentDictionary<string, string?> _versions = new(StringComparer.Ordinal);

    public string Directory => Path.Combine(theme.Directory, "assets");

    public string Url(string relative) => Version(relative) is { } hash ? $"{urlPrefix}/{relative}?v={hash}" : $"{urlPrefix}/{relative}";

    /// <summary>The start of the asset's content hash, or null when the theme has no such file.</summary>
    public string? Version(string relative) => _versions.GetOrAdd(relative, r =>
    {
        var file = Path.Combine(Directory, r);
        if (!File.Exists(file)) return null;
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    });

    public void Forget() => _versions.Clear();
}

/// <summary>The folder of the active theme and its manifest.</summary>
public sealed record ThemeLocation(string Directory, ThemeManifest Manifest);
