using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Certificates;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Web.Learners;

/// <summary>What happens when a person signs in: their anonymous progress and quiz attempts join the account and earned certificates are issued.</summary>
public sealed class LearnerSession(LearnerProgress progress, Learn.Quizzes.QuizAttempts quizAttempts, CourseCatalog courses, Certificates certificates)
{
    public async Task SignedInAsync(HttpContext http, LearnUser user, string culture)
    {
        if (LearnerIdentity.AnonymousId(http) is { } anonymous)
        {
            await progress.MergeAsync(anonymous, user.Id);
            await quizAttempts.MergeAsync(anonymous, user.Id);
            LearnerIdentity.ForgetAnonymous(http);
        }
        await IssueEarnedCertificatesAsync(user, culture);
    }

    /// <summary>A certificate for every finished course, once the learner has given a name to print on it.</summary>
    public async Task IssueEarnedCertificatesAsync(LearnUser user, string culture)
    {
        if (LearningEndpoints.PrintedName(user) is not { } name) return;
        var done = await progress.CompletedAsync(user.Id);
        foreach (var course in courses.Courses(culture).Where(c => CourseProgress.Of(c, done).Complete))
        {
            await certificates.IssueAsync(user.Id, course.Course.TranslationKey, culture, name);
        }
    }
}
