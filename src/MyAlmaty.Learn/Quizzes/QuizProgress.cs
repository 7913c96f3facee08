using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Progress;

namespace MyAlmaty.Learn.Quizzes;

/// <summary>
/// What passing a quiz counts for: its lessons are done, and for a course's final quiz the course
/// step that gates the certificate. Recorded by translation key, so it counts in both languages.
/// </summary>
public sealed class QuizProgress(CourseCatalog courses, LearnerProgress progress)
{
    public async Task RecordPassAsync(string learnerId, PublishedItem quiz, CancellationToken cancellationToken = default)
    {
        var (lessons, finalOf) = courses.OwnersOf(quiz);
        foreach (var lesson in lessons) await progress.MarkDoneAsync(learnerId, lesson.TranslationKey, cancellationToken);
        if (finalOf.Count > 0) await progress.MarkDoneAsync(learnerId, CourseProgress.QuizStep(quiz.TranslationKey), cancellationToken);
    }
}
