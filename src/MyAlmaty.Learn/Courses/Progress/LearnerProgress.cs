using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Courses.Progress;

/// <summary>Which lessons a learner (an account, or an anonymous reader) has finished.</summary>
public sealed class LearnerProgress(LearnDbContext db, TimeProvider clock)
{
    public const string AnonymousPrefix = "anon-";

    public async Task<IReadOnlySet<string>> CompletedAsync(string learnerId, CancellationToken cancellationToken = default) =>
        (await db.Set<LessonProgress>().AsNoTracking()
            .Where(p => p.LearnerId == learnerId)
            .Select(p => p.LessonKey)
            .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Records the lesson as done; doing it again changes nothing.</summary>
    public async Task MarkDoneAsync(string learnerId, string lessonKey, CancellationToken cancellationToken = default)
    {
        if (await db.Set<LessonProgress>().AnyAsync(p => p.LearnerId == learnerId && p.LessonKey == lessonKey, cancellationToken)) return;
        db.Add(new LessonProgress { LearnerId = learnerId, LessonKey = lessonKey, CompletedUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A second tab may have marked the same lesson at the same moment: then the row is there, which is all we wanted.
            db.ChangeTracker.Clear();
            if (!await db.Set<LessonProgress>().AnyAsync(p => p.LearnerId == learnerId && p.LessonKey == lessonKey, cancellationToken)) throw;
        }
    }

    /// <summary>Moves everything an anonymous reader did into an account; nothing done before signing in is lost.</summary>
    public async Task<int> MergeAsync(string fromLearnerId, string intoLearnerId, CancellationToken cancellationToken = default)
    {
        if (fromLearnerId == intoLearnerId) return 0;
        var existing = await CompletedAsync(intoLearnerId, cancellationToken);
        var moving = await db.Set<LessonProgress>().Where(p => p.LearnerId == fromLearnerId).ToListAsync(cancellationToken);
        foreach (var row in moving)
        {
            if (existing.Contains(row.LessonKey)) db.Remove(row);
            else row.LearnerId = intoLearnerId;
        }
        await db.SaveChangesAsync(cancellationToken);
        return moving.Count(r => !existing.Contains(r.LessonKey));
    }

    public Task<int> DeleteAllAsync(string learnerId, CancellationToken cancellationToken = default) =>
        db.Set<LessonProgress>().Where(p => p.LearnerId == learnerId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The accounts (never anonymous readers) that finished at least one of <paramref name="lessonKeys"/>: a course's learners.</summary>
    public async Task<IReadOnlyList<string>> LearnersOfAsync(IReadOnlyCollection<string> lessonKeys, CancellationToken cancellationToken = default) =>
        await db.Set<LessonProgress>().AsNoTracking()
            .Where(p => lessonKeys.Contains(p.LessonKey) && !p.LearnerId.StartsWith(AnonymousPrefix))
            .Select(p => p.LearnerId).Distinct().ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<LessonProgress>> AllAsync(string learnerId, CancellationToken cancellationToken = default) =>
        await db.Set<LessonProgress>().AsNoTracking().Where(p => p.LearnerId == learnerId).OrderBy(p => p.CompletedUtc).ToListAsync(cancellationToken);
}

/// <summary>
/// How far a learner is through one course: its lessons, and its final quiz when it has one.
/// <see cref="Next"/> is the first lesson not done, or the final quiz once all lessons are.
/// </summary>
public sealed record CourseProgress(CourseOutline Course, int Done, int Total, Content.Published.PublishedItem? Next)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Floor(100.0 * Done / Total);
    public bool Started => Done > 0;
    public bool Complete => Total > 0 && Done == Total;

    /// <summary>Whether the final quiz is passed (true for a course without one).</summary>
    public bool FinalQuizPassed { get; init; }

    public static CourseProgress Of(CourseOutline course, IReadOnlySet<string> completed)
    {
        var done = course.Lessons.Count(l => completed.Contains(l.TranslationKey));
        var total = course.Lessons.Count;
        var next = course.Lessons.FirstOrDefault(l => !completed.Contains(l.TranslationKey));
        var quizPassed = course.FinalQuiz is null || completed.Contains(QuizStep(course.FinalQuiz.TranslationKey));
        if (course.FinalQuiz is { } quiz)
        {
            total++;
            if (quizPassed) done++;
            next ??= quizPassed ? null : quiz;
        }
        return new CourseProgress(course, done, total, next) { FinalQuizPassed = quizPassed };
    }

    /// <summary>
    /// How a passed final quiz is recorded among the learner's done steps. Keys of lessons have no
    /// '/', so the two never collide.
    /// </summary>
    public static string QuizStep(string quizKey) => $"quiz/{quizKey}";
}
