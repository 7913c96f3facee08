using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Content;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> item)
    {
        item.ToTable("ContentItems");
        item.Property(i => i.ContentType).HasMaxLength(64);
        item.Property(i => i.Culture).HasMaxLength(8);
        item.Property(i => i.TranslationKey).HasMaxLength(200);
        item.Property(i => i.SourcePath).HasMaxLength(400);
        item.Property(i => i.ImportedHash).HasMaxLength(64);
        item.HasIndex(i => new { i.ContentType, i.TranslationKey, i.Culture }).IsUnique();
        item.Property(i => i.ScheduledBy).HasMaxLength(200);
        item.HasIndex(i => i.PublishAtUtc);
        item.HasMany(i => i.Versions).WithOne(v => v.ContentItem!).HasForeignKey(v => v.ContentItemId);
    }
}

internal sealed class ContentItemVersionConfiguration : IEntityTypeConfiguration<ContentItemVersion>
{
    public void Configure(EntityTypeBuilder<ContentItemVersion> version)
    {
        version.ToTable("ContentItemVersions");
        version.Property(v => v.Title).HasMaxLength(300);
        version.Property(v => v.Slug).HasMaxLength(200);
        version.Property(v => v.ContentHash).HasMaxLength(64);
        version.Property(v => v.Author).HasMaxLength(200);
        version.Property(v => v.SourceCulture).HasMaxLength(8);
        version.HasIndex(v => new { v.ContentItemId, v.Number }).IsUnique();
        version.HasIndex(v => v.Published);
        version.HasIndex(v => v.Latest);
        // The editors' list: the newest versions by time or by title, and whether an item has a published one.
        version.HasIndex(v => new { v.Latest, v.CreatedUtc });
        version.HasIndex(v => new { v.Latest, v.TitleKey });
        version.HasIndex(v => new { v.ContentItemId, v.Published });
    }
}
