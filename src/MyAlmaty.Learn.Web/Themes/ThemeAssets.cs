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

    private readonly ConcurrentDictionary<string, string?> _versions = new(StringComparer.Ordinal);

    public string Directory => Path.Combine(theme.Directory, "assets");

    public string Url(string relative) => Version(relative) is { } hash ? $"{UrlPrefix}/{relative}?v={hash}" : $"{UrlPrefix}/{relative}";

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
