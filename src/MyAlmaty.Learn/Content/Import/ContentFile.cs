using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Content.Import;

/// <summary>A content file that parsed and validated on its own (references not yet checked).</summary>
public sealed record ContentFile
{
    public required string Path { get; init; }
    public required string ContentType { get; init; }
    public required string Culture { get; init; }
    public required string TranslationKey { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public int SlugLine { get; init; }
    public bool Draft { get; init; }
    public required string Body { get; init; }

    /// <summary>The line of the file the body starts on (1-based): a problem in the body names its line in the file.</summary>
    public int BodyLine { get; init; } = 1;
    public required ContentMetadata Metadata { get; init; }
    public required IReadOnlyList<ContentReference> References { get; init; }
    public required string Hash { get; init; }

    /// <summary>The whole file as text (a byte-order mark kept as U+FEFF), to be written back unchanged.</summary>
    public required string Source { get; init; }
}
