using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Courses.Progress;

/// <summary>
/// A lesson a learner has finished. Lessons are recorded by translation key, so progress made
/// in Russian counts in Kazakh too. The learner is an account id, or an anonymous id kept in a
/// cookie until the person signs in and the rows are merged into their account.
/// </summary>
public sealed class LessonProgress
{
    public int Id { get; set; }
    public required string LearnerId { get; set; }
    public required string LessonKey { get; set; }
    public DateTime CompletedUtc { get; set; }
}

internal sealed class LessonProgressConfiguration : IEntityTypeConfiguration<LessonProgress>
{
    public void Configure(EntityTypeBuilder<LessonProgress> progress)
    {
        progress.ToTable("LessonProgress");
        progress.Property(p => p.LearnerId).HasMaxLength(64);
        progress.Property(p => p.LessonKey).HasMaxLength(200);
        progress.HasIndex(p => new { p.LearnerId, p.LessonKey }).IsUnique();
    }
}
