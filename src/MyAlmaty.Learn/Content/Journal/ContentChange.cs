using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Content.Journal;

/// <summary>What was done to a content item.</summary>
public enum ContentOperation
{
    /// <summary>A file of content/ was imported as a new version (or a new item).</summary>
    Imported,

    /// <summary>An item was created in the browser.</summary>
    Created,

    /// <summary>A new version was saved (a draft, or published at once).</summary>
    Revised,

    Published,
    Unpublished,

    /// <summary>A publication was set for a later date and time.</summary>
    Scheduled,

    /// <summary>A scheduled publication was called off.</summary>
    Unscheduled,

    Deleted,

    /// <summary>A new version was made from an old one.</summary>
    RolledBack,

    /// <summary>A translation was declared in step with its source without being changed.</summary>
    MarkedUpToDate,
}

/// <summary>
/// One entry of the content-change journal: who did what to which item and version, when. Written in
/// the same transaction as the change, never changed afterwards. Everything that depends on content
/// follows the journal from its own position: every node's catalog and page cache, the search indexes,
/// the audit trail and translation freshness — so a change made by any node, by any path, reaches
/// them all.
/// </summary>
public sealed class ContentChange
{
    public long Id { get; set; }
    public ContentOperation Operation { get; set; }

    /// <summary>The item, while it exists (null once deleted; the key below stays).</summary>
    public int? ContentItemId { get; set; }

    public ContentItem? ContentItem { get; set; }
    public required string Culture { get; set; }
    public required string ContentType { get; set; }
    public required string TranslationKey { get; set; }

    /// <summary>The version the operation made or acted on, when it concerns one.</summary>
    public int? VersionNumber { get; set; }

    /// <summary>Who: a user's id, or <see cref="ContentActors.Import"/> / <see cref="ContentActors.Schedule"/>.</summary>
    public required string Actor { get; set; }

    /// <summary>The editor's note, or a detail of the operation (e.g. the time a publication is scheduled for).</summary>
    public string? Note { get; set; }

    public DateTime CreatedUtc { get; set; }

    public ContentKey Key => new(Culture, ContentType, TranslationKey);
}

/// <summary>Actors that are not people.</summary>
public static class ContentActors
{
    /// <summary>The import of content/ files.</summary>
    public const string Import = "content/";

    /// <summary>A publication that was scheduled, done when its time came.</summary>
    public const string Schedule = "schedule";
}

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> change)
    {
        change.ToTable("ContentChanges");
        change.Property(c => c.Operation).HasConversion<string>().HasMaxLength(32);
        change.Property(c => c.Culture).HasMaxLength(8);
        change.Property(c => c.ContentType).HasMaxLength(64);
        change.Property(c => c.TranslationKey).HasMaxLength(200);
        change.Property(c => c.Actor).HasMaxLength(200);
        change.Property(c => c.Note).HasMaxLength(1000);
        change.Ignore(c => c.Key);
        change.HasOne(c => c.ContentItem).WithMany().HasForeignKey(c => c.ContentItemId).OnDelete(DeleteBehavior.SetNull);
        change.HasIndex(c => new { c.Culture, c.Id });
        change.HasIndex(c => new { c.ContentType, c.TranslationKey, c.Culture, c.Id });
        change.HasIndex(c => c.CreatedUtc);
    }
}
