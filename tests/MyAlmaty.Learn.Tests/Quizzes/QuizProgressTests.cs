using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Quizzes;

/// <summary>What attempts and passes leave behind: merged attempts, done lessons, the final-quiz step, the version an attempt keeps.</summary>
public sealed class QuizProgressTests
{
    [Fact]
    public async Task Merging_moves_an_anonymous_readers_attempts_into_the_account()
    {
        await using var site = await QuizSite.CreateAsync();
        var first = await site.Attempts.StartAsync("anon-1", site.Quiz("whole"));
        var second = await site.Attempts.StartAsync("anon-1", site.Quiz("each"));
        var own = await site.Attempts.StartAsync("user-1", site.Quiz("whole"));
        var someoneElse = await site.Attempts.StartAsync("anon-2", site.Quiz("whole"));

        var moved = await site.Attempts.MergeAsync("anon-1", "user-1");

        Assert.Equal(2, moved);
        Assert.Equal(new[] { first.Id, own.Id }.Order(), (await site.Attempts.OfLearnerAsync("user-1", "whole")).Select(a => a.Id).Order());
        Assert.Equal([second.Id], (await site.Attempts.OfLearnerAsync("user-1", "each")).Select(a => a.Id));
        Assert.Empty(await site.Attempts.AllAsync("anon-1"));
        Assert.Equal("user-1", (await site.RowAsync(second.Id)).LearnerId);
        Assert.Equal("anon-2", (await site.RowAsync(someoneElse.Id)).LearnerId);
    }

    [Fact]
    public async Task Merging_a_learner_into_themselves_moves_nothing()
    {
        await using var site = await QuizSite.CreateAsync();
        await site.Attempts.StartAsync("user-1", site.Quiz("whole"));

        Assert.Equal(0, await site.Attempts.MergeAsync("user-1", "user-1"));
        Assert.Single(await site.Attempts.AllAsync("user-1"));
    }

    [Fact]
    public async Task An_attempt_is_found_only_for_its_own_learner()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync("anon-1", site.Quiz("whole"));

        Assert.NotNull(await site.Attempts.FindAsync(attempt.Id, "anon-1"));
        Assert.Null(await site.Attempts.FindAsync(attempt.Id, "anon-2"));
    }

    [Fact]
    public async Task Passing_a_lessons_quiz_marks_the_lesson_done_and_not_the_course_step()
    {
        await using var site = await QuizSite.CreateAsync();
        var quizProgress = site.Services.GetRequiredService<QuizProgress>();
        var progress = site.Services.GetRequiredService<LearnerProgress>();
        var course = site.Services.GetRequiredService<CourseCatalog>().Course("ru", "course")!;

        await quizProgress.RecordPassAsync("anon-1", site.Quiz("lesson-quiz"));

        var done = await progress.CompletedAsync("anon-1");
        Assert.Equal(["lesson"], done);
        var state = CourseProgress.Of(course, done);
        Assert.Equal((1, 3, false, "other"), (state.Done, state.Total, state.FinalQuizPassed, state.Next!.TranslationKey));
    }

    [Fact]
    public async Task Passing_a_courses_final_quiz_records_the_quiz_step_that_completes_the_course()
    {
        await using var site = await QuizSite.CreateAsync();
        var quizProgress = site.Services.GetRequiredService<QuizProgress>();
        var progress = site.Services.GetRequiredService<LearnerProgress>();
        var course = site.Services.GetRequiredService<CourseCatalog>().Course("ru", "course")!;
        await progress.MarkDoneAsync("anon-1", "lesson");
        await progress.MarkDoneAsync("anon-1", "other");
        var before = CourseProgress.Of(course, await progress.CompletedAsync("anon-1"));
        Assert.Equal((false, "final"), (before.Complete, before.Next?.TranslationKey));

        await quizProgress.RecordPassAsync("anon-1", site.Quiz("final"));

        var done = await progress.CompletedAsync("anon-1");
        Assert.Contains(CourseProgress.QuizStep("final"), done);
        Assert.Equal(3, done.Count);
        var after = CourseProgress.Of(course, done);
        Assert.Equal((3, 3, true, true), (after.Done, after.Total, after.FinalQuizPassed, after.Complete));
        Assert.Null(after.Next);
    }

    [Fact]
    public async Task Passing_a_quiz_no_lesson_or_course_uses_records_nothing()
    {
        await using var site = await QuizSite.CreateAsync();

        await site.Services.GetRequiredService<QuizProgress>().RecordPassAsync("anon-1", site.Quiz("whole"));

        Assert.Empty(await site.Services.GetRequiredService<LearnerProgress>().CompletedAsync("anon-1"));
    }

    [Fact]
    public async Task An_attempt_keeps_the_questions_of_the_version_it_began_on()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync("anon-1", site.Quiz("whole"));
        site.Content.WriteContent("quizzes/whole.ru.md", QuizSite.QuizFile("passPercent: 60\n", QuizSite.ThreeQuestions.Replace("Активист получает зарплату.", "Активисту платят?")));

        var report = await site.Content.ImportAsync();

        Assert.Equal((0, 1), (report.Problems.Count, report.Updated));
        Assert.NotEqual(attempt.VersionId, site.Quiz("whole").VersionId);
        var kept = await site.Attempts.QuizOfAsync(attempt);
        Assert.Equal("Активист получает зарплату.", kept!.Questions[1].Text);
        Assert.Equal(attempt.Id, (await site.Attempts.StartAsync("anon-1", site.Quiz("whole"))).Id);
        var blank = PaperForm.Blank(QuizPaper.For(kept, attempt.Seed)).AllRight();
        await site.Attempts.SubmitAsync(attempt, kept, 0, SubmitAction.FinishQuiz(), blank.Fields, PaperForm.Control);
        var fresh = await site.Attempts.StartAsync("anon-1", site.Quiz("whole"));
        Assert.Equal("Активисту платят?", (await site.Attempts.QuizOfAsync(fresh))!.Questions[1].Text);
    }

    [Fact]
    public async Task Only_finished_attempts_are_analysed_and_deleting_a_learners_attempts_leaves_the_others()
    {
        await using var site = await QuizSite.CreateAsync();
        var finished = await site.Attempts.StartAsync("anon-1", site.Quiz("whole"));
        var form = PaperForm.Blank(QuizPaper.For(site.Metadata("whole"), finished.Seed)).AllRight();
        await site.Attempts.SubmitAsync(finished, site.Metadata("whole"), 0, SubmitAction.FinishQuiz(), form.Fields, PaperForm.Control);
        await site.Attempts.StartAsync("anon-1", site.Quiz("whole"));
        var other = await site.Attempts.StartAsync("anon-2", site.Quiz("whole"));

        Assert.Equal([finished.Id], (await site.Attempts.FinishedAsync("whole")).Select(a => a.Id));
        Assert.Equal(2, await site.Attempts.DeleteAllAsync("anon-1"));
        Assert.Equal([other.Id], (await site.Attempts.AllAsync("anon-2")).Select(a => a.Id));
        Assert.Empty(await site.Attempts.FinishedAsync("whole"));
    }
}
