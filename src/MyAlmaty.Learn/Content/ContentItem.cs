namespace MyAlmaty.Learn.Content;

/// <summary>
/// The identity of one piece of content in one culture. What it says lives in its versions.
/// Translations share <see cref="TranslationKey"/> and <see cref="ContentType"/>.
/// </summary>
public sealed class ContentItem
{
    public int Id { get; set; }
    public required string ContentType { get; set; }
    public required string Culture { get; set; }
    public required string TranslationKey { get; set; }

    /// <summary>The file under content/ this item was imported from, relative, with forward slashes.</summary>
    public string? SourcePath { get; set; }

    /// <summary>
    /// The hash of the file as it was last imported. An import compares the file with this, not with
    /// the newest version: a file unchanged since then leaves an edit made in the browser alone.
    /// </summary>
    public string? ImportedHash { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>When <see cref="ScheduledVersion"/> goes on the site by itself (UTC); null when nothing is scheduled.</summary>
    public DateTime? PublishAtUtc { get; set; }

    public int? ScheduledVersion { get; set; }

    /// <summary>Who scheduled it: the publication is theirs.</summary>
    public string? ScheduledBy { get; set; }
    public List<ContentItemVersion> Versions { get; set; } = [];
}
