namespace MyAlmaty.Learn.Media;

/// <summary>What the media library accepts and what it makes of it.</summary>
public static class MediaLimits
{
    /// <summary>The largest file accepted: 10 MB.</summary>
    public const long FileBytes = 10 * 1024 * 1024;

    /// <summary>At most 40 megapixels: 160 MB of memory once decoded (about 200 MB in all while it is worked on), the most one upload may take.</summary>
    public const long Pixels = 40_000_000;

    /// <summary>The longest side accepted, in pixels.</summary>
    public const int Side = 12_000;

    public const int AltLength = 300;

    /// <summary>The widths served to readers; a picture narrower than one of them is served at its own width instead, never enlarged.</summary>
    public static readonly IReadOnlyList<int> Widths = [480, 960, 1600];

    /// <summary>The master of an opaque picture is a JPEG of this quality: close to the original, small enough to keep.</summary>
    public const int MasterJpegQuality = 92;

    /// <summary>The served WebP files' quality (0–100): photos and diagrams alike look clean at the widths a page shows them.</summary>
    public const float WebpQuality = 82;
}
