namespace MyAlmaty.Learn.Content;

/// <summary>
/// One version of a content item. As in Orchard Core, two flags say which version is the
/// newest (<see cref="Latest"/>, draft or not) and which one the public sees (<see cref="Published"/>);
/// they are the same row unless a draft is pending.
/// </summary>
public sealed class ContentItemVersion
{
    public int Id { get; set; }
    public int ContentItemId { get; set; }
    public ContentItem? ContentItem { get; set; }

    public int Number { get; set; }
    public bool Latest { get; set; }
    public bool Published { get; set; }

    public required string Title { get; set; }
    public required string Slug { get; set; }
    public required string Body { get; set; }

    /// <summary>The type's typed metadata (see <see cref="Types.IContentTypeDefinition"/>), as JSON.</summary>
    public required string Metadata { get; set; }

    /// <summary>
    /// The version as a file: front matter and Markdown, exactly as imported or as saved in the browser.
    /// The title, slug, body and metadata above are read from it; an export writes it back as it is.
    /// Null only for versions imported before sources were kept.
    /// </summary>
    public string? Source { get; set; }

    /// <summary>SHA-256 of the source it was made from, so an unchanged file writes nothing.</summary>
    public required string ContentHash { get; set; }

    /// <summary>
    /// The title's culture-aware sort key (қ after к, case ignored), kept so that the editors' list sorts
    /// by title with an index instead of comparing titles one by one. Set by <see cref="ContentVersioning"/>.
    /// </summary>
    public byte[]? TitleKey { get; set; }

    public required string Author { get; set; }

    /// <summary>
    /// For a translation: the culture of the item it was translated from (or last brought in step with).
    /// Set with <see cref="SourceVersion"/>; both null on versions that record no translation, such as
    /// imported files and plain edits (these follow the newest earlier version that records one).
    /// </summary>
    public string? SourceCulture { get; set; }

    /// <summary>The number of the version of the <see cref="SourceCulture"/> item this translation is in step with.</summary>
    public int? SourceVersion { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
}
