using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Media;

/// <summary>
/// One picture of the media library. Only what was made from its pixels is kept: a cleaned master
/// and the widths served to readers, all named by <see cref="Hash"/> (of the master's bytes), so an
/// address never changes what it shows. The uploaded bytes — with their EXIF, GPS position and
/// camera details — are never stored.
/// </summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    /// <summary>The first 16 hex digits of the SHA-256 of the master: the image's name in Markdown and in its files' addresses.</summary>
    public required string Hash { get; set; }

    /// <summary>The picture as it is shown: upright (the camera's orientation applied).</summary>
    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Some pixels are transparent: the master is a PNG, not a JPEG.</summary>
    public bool HasAlpha { get; set; }

    /// <summary>The widths served, ascending, comma-separated: «480,960,1600».</summary>
    public required string Widths { get; set; }

    /// <summary>The size of the cleaned master, in bytes.</summary>
    public long MasterBytes { get; set; }

    /// <summary>The total size of the served files, in bytes.</summary>
    public long ServedBytes { get; set; }

    public string? AltRu { get; set; }
    public string? AltKk { get; set; }

    /// <summary>The name of the uploaded file, for editors to recognise it; never published.</summary>
    public string? Name { get; set; }

    /// <summary>Who uploaded it (an account id); null once that account is deleted.</summary>
    public string? UploadedBy { get; set; }

    public DateTime UploadedUtc { get; set; }

    public IReadOnlyList<int> WidthList => [.. Widths.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(w => int.Parse(w, CultureInfo.InvariantCulture))];

    /// <summary>The alt text in <paramref name="culture"/>, or null when there is none.</summary>
    public string? Alt(string culture) => (culture switch
    {
        Cultures.Russian => AltRu,
        Cultures.Kazakh => AltKk,
        _ => null,
    }) is { Length: > 0 } alt ? alt : null;

    public string MasterExtension => HasAlpha ? "png" : "jpg";
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> item)
    {
        item.ToTable("MediaItems");
        item.Property(m => m.Hash).HasMaxLength(16);
        item.HasIndex(m => m.Hash).IsUnique();
        item.Property(m => m.Widths).HasMaxLength(64);
        item.Property(m => m.AltRu).HasMaxLength(MediaLimits.AltLength);
        item.Property(m => m.AltKk).HasMaxLength(MediaLimits.AltLength);
        item.Property(m => m.Name).HasMaxLength(200);
        item.Property(m => m.UploadedBy).HasMaxLength(200);
        item.HasIndex(m => m.UploadedUtc);
        item.HasIndex(m => m.UploadedBy);
        item.Ignore(m => m.WidthList);
        item.Ignore(m => m.MasterExtension);
    }
}
