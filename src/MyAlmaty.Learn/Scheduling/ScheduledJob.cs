using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Scheduling;

/// <summary>
/// One piece of work due at a time: a reminder, the end of a waitlist, a nudge to write a summary. It is a
/// row, not a timer, so a restart that missed its time still finds it; it is claimed by a conditional
/// update, so with several nodes it runs once.
/// </summary>
public sealed class ScheduledJob
{
    public long Id { get; set; }

    /// <summary>Which <see cref="IScheduledJobHandler"/> runs it, e.g. <c>workshop-reminder-24h</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What it is about, unique within its kind (e.g. the workshop's key): scheduling it again moves it.</summary>
    public required string Key { get; set; }

    public DateTime DueUtc { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Set when it ran; a job is not run again unless it is scheduled again.</summary>
    public DateTime? DoneUtc { get; set; }

    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
}

internal sealed class ScheduledJobConfiguration : IEntityTypeConfiguration<ScheduledJob>
{
    public const int MaxErrorLength = 2000;

    public void Configure(EntityTypeBuilder<ScheduledJob> job)
    {
        job.ToTable("ScheduledJobs");
        job.Property(j => j.Kind).HasMaxLength(64);
        job.Property(j => j.Key).HasMaxLength(200);
        job.Property(j => j.LastError).HasMaxLength(MaxErrorLength);
        job.Property(j => j.ClaimedBy).HasMaxLength(100);
        job.HasIndex(j => new { j.Kind, j.Key }).IsUnique();
        // The runner's question: what is due and not done?
        job.HasIndex(j => new { j.DoneUtc, j.DueUtc });
    }
}
