using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Content.Published;

/// <summary>The published version of one content item, as the public site sees it.</summary>
public sealed record PublishedItem
{
    public required int ItemId { get; init; }
    public required int VersionId { get; init; }
    public required int VersionNumber { get; init; }
    public required string ContentType { get; init; }
    public required string Culture { get; init; }
    public required string TranslationKey { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required ContentMetadata Metadata { get; init; }
    public required DateTime PublishedUtc { get; init; }
    public required DateTime FirstPublishedUtc { get; init; }

    public T MetadataAs<T>() where T : ContentMetadata => (T)Metadata;
}
