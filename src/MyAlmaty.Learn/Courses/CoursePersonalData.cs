using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Courses;

/// <summary>A learner's finished lessons and certificates.</summary>
public sealed class CoursePersonalData(Progress.LearnerProgress progress, Certificates.Certificates certificates) : IPersonalDataHolder
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
    [
        new("completedLessons", [.. (await progress.AllAsync(subject.UserId, cancellationToken)).Select(p => new { Lesson = p.LessonKey, p.CompletedUtc })]),
        new("certificates", [.. (await certificates.OfUserAsync(subject.UserId, cancellationToken))
            .Select(c => new { c.Code, Course = c.CourseKey, c.Culture, c.PrintedName, c.IssuedUtc, c.RevokedUtc })]),
    ];

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        await progress.DeleteAllAsync(subject.UserId, cancellationToken);
        await certificates.DeleteAllAsync(subject.UserId, cancellationToken);
    }
}
