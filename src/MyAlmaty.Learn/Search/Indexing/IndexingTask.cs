using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>
/// One entry of the durable indexing queue: "this item changed". Written in the same transaction as
/// the change; every node's indexer reads the queue from its own cursor and re-reads the item, so
/// entries are never consumed and applying one twice does no harm.
/// </summary>
public sealed class IndexingTask
{
    public long Id { get; set; }
    public required string Culture { get; set; }
    public required string ContentType { get; set; }
    public required string TranslationKey { get; set; }
    public DateTime CreatedUtc { get; set; }
}

internal sealed class IndexingTaskConfiguration : IEntityTypeConfiguration<IndexingTask>
{
    public void Configure(EntityTypeBuilder<IndexingTask> task)
    {
        task.ToTable("IndexingTasks");
        task.Property(t => t.Culture).HasMaxLength(8);
        task.Property(t => t.ContentType).HasMaxLength(64);
        task.Property(t => t.TranslationKey).HasMaxLength(200);
        task.HasIndex(t => new { t.Culture, t.Id });
        task.HasIndex(t => t.CreatedUtc);
    }
}

/// <summary>Wakes this process's indexer when a change was queued here.</summary>
public sealed class IndexingSignal : WakeUpSignal;
