using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Quizzes;

public sealed class QuizAttemptsTests
{
    private const string Learner = "anon-quiz";

    /// <summary>What a submission may change; compared whole to show that nothing was recorded.</summary>
    private static (int Step, string State, DateTime? FinishedUtc, double Score, int MaxScore, bool Passed) Snapshot(QuizAttempt a) =>
        (a.Step, a.State, a.FinishedUtc, a.Score, a.MaxScore, a.Passed);

    private static Task<Submission> SubmitAsync(QuizSite site, QuizAttempt attempt, SubmitAction action, PaperForm form, int? step = null) =>
        site.Attempts.SubmitAsync(attempt, site.Metadata(attempt.QuizKey), step ?? attempt.Step, action, form.Fields, PaperForm.Control);

    private static PaperForm Form(QuizSite site, QuizAttempt attempt, params string[] locked) =>
        PaperForm.Blank(QuizPaper.For(site.Metadata(attempt.QuizKey), attempt.Seed), locked);

    [Fact]
    public async Task Starting_records_the_quiz_version_mode_and_time_and_each_attempt_gets_its_own_seed()
    {
        await using var site = await QuizSite.CreateAsync();
        var quiz = site.Quiz("whole");

        var first = await site.Attempts.StartAsync(Learner, quiz);
        await SubmitAsync(site, first, SubmitAction.FinishQuiz(confirmed: true), Form(site, first));
        var second = await site.Attempts.StartAsync(Learner, quiz);

        var row = await site.RowAsync(second.Id);
        Assert.Equal((Learner, "whole", "ru", quiz.VersionId, QuizMode.Whole, site.Clock.GetUtcNow().UtcDateTime, (DateTime?)null, 0, 3, "{}"),
            (row.LearnerId, row.QuizKey, row.Culture, row.VersionId, row.Mode, row.StartedUtc, row.DeadlineUtc, row.Step, row.MaxScore, row.State));
        Assert.False(row.Finished);
        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Seed, second.Seed);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), (await site.Attempts.OfLearnerAsync(Learner, "whole")).Select(a => a.Id).Order());
        Assert.Empty(await site.Attempts.OfLearnerAsync("anon-someone-else", "whole"));
    }

    [Fact]
    public async Task A_whole_quiz_answered_right_and_submitted_is_graded_finished_and_passed()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("whole"));
        site.Clock.Advance(TimeSpan.FromMinutes(4));

        var result = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(), Form(site, attempt).AllRight());

        Assert.Equal(SubmissionOutcome.Finished, result.Outcome);
        Assert.True(result.Recorded);
        var row = await site.RowAsync(attempt.Id);
        Assert.Equal((1, site.Clock.GetUtcNow().UtcDateTime, 3.0, 3, 100, true), (row.Step, row.FinishedUtc, row.Score, row.MaxScore, row.Percent, row.Passed));
        var state = row.ReadState();
        Assert.All(["definition", "money", "term"], id => Assert.Equal((true, true, 1.0, 1), (state.Of(id).Locked, state.Of(id).Right, state.Of(id).Score, state.Of(id).Tries)));
    }

    [Theory]
    [InlineData(true, false, false, 1.0, 33, false)]
    [InlineData(true, true, false, 2.0, 66, true)]
    [InlineData(false, false, false, 0.0, 0, false)]
    public async Task A_whole_quiz_passes_only_at_its_pass_percent(bool definition, bool money, bool term, double score, int percent, bool passed)
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("whole"));
        var form = Form(site, attempt)
            .Choose("definition", definition ? "volunteer" : "official")
            .Flag("money", !money)
            .Text("term", term ? "Субботник!" : "толока");

        var result = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(), form);

        Assert.Equal(SubmissionOutcome.Finished, result.Outcome);
        var row = await site.RowAsync(attempt.Id);
        Assert.Equal((score, percent, passed), (row.Score, row.Percent, row.Passed));
    }

    [Fact]
    public async Task A_form_replayed_to_a_finished_attempt_is_refused_and_changes_nothing()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("whole"));
        var wrong = Form(site, attempt).Choose("definition", "official").Flag("money", true).Text("term", "толока");
        Assert.Equal(SubmissionOutcome.Finished, (await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(), wrong)).Outcome);
        var finished = Snapshot(await site.RowAsync(attempt.Id));
        site.Clock.Advance(TimeSpan.FromMinutes(1));

        var replay = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(), Form(site, attempt).AllRight(), step: 0);
        var again = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(confirmed: true), Form(site, attempt).AllRight());

        Assert.Equal((SubmissionOutcome.AlreadyFinished, SubmissionMessages.Finished, false), (replay.Outcome, replay.Message, replay.Recorded));
        Assert.Equal(SubmissionOutcome.AlreadyFinished, again.Outcome);
        Assert.Equal(finished, Snapshot(await site.RowAsync(attempt.Id)));
        Assert.False(finished.Passed);
    }

    [Fact]
    public async Task A_form_from_an_earlier_step_is_stale_and_changes_nothing()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("whole"));
        Assert.Equal(SubmissionOutcome.Saved, (await SubmitAsync(site, attempt, SubmitAction.Save, Form(site, attempt).Choose("definition", "official"))).Outcome);
        var saved = Snapshot(await site.RowAsync(attempt.Id));

        var stale = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(confirmed: true), Form(site, attempt).AllRight(), step: 0);

        Assert.Equal((SubmissionOutcome.Stale, SubmissionMessages.Stale, false), (stale.Outcome, stale.Message, stale.Recorded));
        Assert.Equal(saved, Snapshot(await site.RowAsync(attempt.Id)));
        Assert.Equal(1, saved.Step);
        Assert.Equal(["official"], (await site.RowAsync(attempt.Id)).ReadState().Of("definition").Answer!.Chosen);
    }

    [Fact]
    public async Task Of_two_forms_sent_at_once_from_the_same_step_only_the_first_is_recorded()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("whole"));
        await using var otherTab = site.Content.Services.CreateAsyncScope();
        var otherAttempts = otherTab.ServiceProvider.GetRequiredService<QuizAttempts>();
        var sameAttempt = (await otherAttempts.FindAsync(attempt.Id, Learner))!;

        var first = await SubmitAsync(site, attempt, SubmitAction.Save, Form(site, attempt).Choose("definition", "official"));
        var second = await otherAttempts.SubmitAsync(sameAttempt, site.Metadata("whole"), 0, SubmitAction.FinishQuiz(confirmed: true), Form(site, attempt).AllRight().Fields, PaperForm.Control);

        Assert.Equal((SubmissionOutcome.Saved, SubmissionOutcome.Stale), (first.Outcome, second.Outcome));
        var row = await site.RowAsync(attempt.Id);
        Assert.Equal((1, false), (row.Step, row.Finished));
        Assert.Equal(["official"], row.ReadState().Of("definition").Answer!.Chosen);
    }

    [Fact]
    public async Task A_form_sent_after_the_time_limit_and_its_grace_is_refused_and_changes_nothing()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("timed"));
        var deadline = site.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        Assert.Equal(deadline, (await site.RowAsync(attempt.Id)).DeadlineUtc);
        site.Clock.Advance(TimeSpan.FromMinutes(10) + QuizAttempts.Grace + TimeSpan.FromSeconds(1));

        var late = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(confirmed: true), Form(site, attempt).AllRight());

        Assert.Equal((SubmissionOutcome.TimeUp, SubmissionMessages.TimeUp, false), (late.Outcome, late.Message, late.Recorded));
        Assert.Equal([deadline], late.Arguments!);
        Assert.True(site.Attempts.IsExpired(attempt));
        var row = await site.RowAsync(attempt.Id);
        Assert.Equal((0, "{}", (DateTime?)null), (row.Step, row.State, row.FinishedUtc));
    }

    [Fact]
    public async Task A_form_sent_within_the_grace_after_the_time_limit_is_still_taken()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("timed"));
        site.Clock.Advance(TimeSpan.FromMinutes(10) + QuizAttempts.Grace - TimeSpan.FromSeconds(1));

        var result = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(), Form(site, attempt).AllRight());

        Assert.Equal(SubmissionOutcome.Finished, result.Outcome);
        Assert.True((await site.RowAsync(attempt.Id)).Passed);
    }

    [Fact]
    public async Task Checking_one_question_counts_tries_and_a_right_second_try_earns_two_thirds()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("each"));

        var wrong = await SubmitAsync(site, attempt, SubmitAction.CheckQuestion(1), Form(site, attempt).Choose("definition", "official"));

        Assert.Equal(SubmissionOutcome.Checked, wrong.Outcome);
        var afterWrong = (await site.RowAsync(attempt.Id)).ReadState().Of("definition");
        Assert.Equal((1, true, false, 0.0), (afterWrong.Tries, afterWrong.TryAgain, afterWrong.Locked, afterWrong.Score));

        var right = await SubmitAsync(site, attempt, SubmitAction.CheckQuestion(1), Form(site, attempt).Choose("definition", "volunteer"));

        Assert.Equal(SubmissionOutcome.Checked, right.Outcome);
        var row = await site.RowAsync(attempt.Id);
        var afterRight = row.ReadState().Of("definition");
        Assert.Equal((2, false, true, true), (afterRight.Tries, afterRight.TryAgain, afterRight.Locked, afterRight.Right));
        Assert.Equal(2.0 / 3, afterRight.Score, 9);
        Assert.Equal((2, false), (row.Step, row.Finished));
        Assert.Null(row.ReadState().Of("money").Answer?.Flag);
    }

    [Fact]
    public async Task When_the_tries_are_used_up_the_question_is_locked_wrong_and_takes_no_more_answers()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("each"));
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(SubmissionOutcome.Checked, (await SubmitAsync(site, attempt, SubmitAction.CheckQuestion(2), Form(site, attempt).Flag("money", true))).Outcome);
        }
        var locked = (await site.RowAsync(attempt.Id)).ReadState().Of("money");
        Assert.Equal((3, true, false, false, 0.0), (locked.Tries, locked.Locked, locked.Right, locked.TryAgain, locked.Score));
        var before = Snapshot(await site.RowAsync(attempt.Id));

        var checkAgain = await SubmitAsync(site, attempt, SubmitAction.CheckQuestion(2), Form(site, attempt, "money"));
        var answerAgain = await SubmitAsync(site, attempt, SubmitAction.Save, Form(site, attempt).Flag("money", false));

        Assert.Equal((SubmissionOutcome.Refused, SubmissionMessages.NotCheckable), (checkAgain.Outcome, checkAgain.Message));
        Assert.Equal((SubmissionOutcome.Refused, SubmissionMessages.UnknownField), (answerAgain.Outcome, answerAgain.Message));
        Assert.Equal(before, Snapshot(await site.RowAsync(attempt.Id)));

        var finish = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(), Form(site, attempt, "money").Right("definition").Right("term"));

        Assert.Equal(SubmissionOutcome.Finished, finish.Outcome);
        var row = await site.RowAsync(attempt.Id);
        Assert.Equal((2.0, 66, true), (row.Score, row.Percent, row.Passed));
        Assert.Equal(0.0, row.ReadState().Of("money").Score);
    }

    [Fact]
    public async Task A_whole_quiz_takes_no_check_of_a_single_question()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("whole"));

        var result = await SubmitAsync(site, attempt, SubmitAction.CheckQuestion(1), Form(site, attempt).Right("definition"));

        Assert.Equal((SubmissionOutcome.Refused, SubmissionMessages.NotCheckable), (result.Outcome, result.Message));
        var row = await site.RowAsync(attempt.Id);
        Assert.Equal((0, "{}"), (row.Step, row.State));
    }

    [Fact]
    public async Task Finishing_with_questions_unanswered_asks_first_and_keeps_the_drafts_then_a_confirmed_finish_grades()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("whole"));
        var form = Form(site, attempt).Right("definition");

        var asked = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(), form);

        Assert.Equal((SubmissionOutcome.Unanswered, SubmissionMessages.Unanswered, true), (asked.Outcome, asked.Message, asked.Recorded));
        Assert.Equal([2, 3], asked.Unanswered!);
        Assert.Equal(["2, 3"], asked.Arguments!);
        var drafts = await site.RowAsync(attempt.Id);
        Assert.Equal((1, false), (drafts.Step, drafts.Finished));
        var draft = drafts.ReadState().Of("definition");
        Assert.Equal((false, 0), (draft.Locked, draft.Tries));
        Assert.Equal(["volunteer"], draft.Answer!.Chosen);

        var confirmed = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(confirmed: true), form);

        Assert.Equal(SubmissionOutcome.Finished, confirmed.Outcome);
        var row = await site.RowAsync(attempt.Id);
        Assert.Equal((2, true, 1.0, 33, false), (row.Step, row.Finished, row.Score, row.Percent, row.Passed));
        Assert.Equal((true, false), (row.ReadState().Of("term").Locked, row.ReadState().Of("term").Right));
    }

    [Fact]
    public async Task A_refused_form_records_nothing()
    {
        await using var site = await QuizSite.CreateAsync();
        var attempt = await site.Attempts.StartAsync(Learner, site.Quiz("whole"));

        var result = await SubmitAsync(site, attempt, SubmitAction.FinishQuiz(confirmed: true), Form(site, attempt).AllRight().Set("q9", "x"));

        Assert.Equal((SubmissionOutcome.Refused, SubmissionMessages.UnknownField, false), (result.Outcome, result.Message, result.Recorded));
        var row = await site.RowAsync(attempt.Id);
        Assert.Equal((0, "{}", false, 0.0), (row.Step, row.State, row.Finished, row.Score));
    }
}
