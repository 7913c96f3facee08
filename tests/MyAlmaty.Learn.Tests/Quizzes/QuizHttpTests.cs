using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Quizzes;

/// <summary>Taking quizzes over HTTP on the real site: grading, refusals that record nothing, progress, analysis.</summary>
[Collection(SiteCollection.Name)]
public sealed class QuizHttpTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    private async Task<QuizAttempt> AttemptAsync(string attemptPath)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var id = attemptPath.Split('/', '#')[5];
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<QuizAttempt>().AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IEnumerable<(string Name, string Value)> fields) =>
        client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))));

    private static string ErrorsOf(IDocument page) => page.QuerySelector(".error-summary")?.TextContent ?? "";

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task Wrong_answers_fail_with_explanations_and_right_ones_pass_and_complete_the_lesson(string culture)
    {
        using var learner = Site.NewClient();
        var quiz = QuizTaker.Quiz(Site.Services, culture, "urban-activist");

        var first = await QuizTaker.StartAsync(learner, $"/{culture}/quizzes/urban-activist");
        var failed = await QuizTaker.SubmitAsync(learner, first, quiz, right: false);
        var (_, review) = await Html.GetAsync(learner, first);
        var second = await QuizTaker.StartAsync(learner, $"/{culture}/quizzes/urban-activist");
        var passed = await QuizTaker.SubmitAsync(learner, second, quiz, right: true);
        var (_, lesson) = await Html.GetAsync(learner, $"/{culture}/courses/grassroots/urban-activist");

        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        Assert.Equal((false, 0), ((await AttemptAsync(first)).Passed, (await AttemptAsync(first)).Percent));
        Assert.NotNull(review.QuerySelector(".quiz-result.result-bad"));
        Assert.Null(review.QuerySelector("form.quiz-form"));
        var text = review.QuerySelector("main")!.TextContent;
        foreach (var question in quiz.Questions)
        {
            Assert.Contains(question.Explanation!, text);
            foreach (var option in question.Options) Assert.Contains(option.Explanation, text);
        }
        Assert.Equal(quiz.Questions.Count, review.QuerySelectorAll("fieldset.question-wrong").Length);
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        Assert.Equal((true, 100), ((await AttemptAsync(second)).Passed, (await AttemptAsync(second)).Percent));
        Assert.NotNull(lesson.QuerySelector("#done.done-mark"));
    }

    [Fact]
    public async Task The_page_before_submission_reveals_no_right_answer()
    {
        var catalog = Site.Services.GetRequiredService<MyAlmaty.Learn.Content.Published.PublishedContent>().Current;
        foreach (var item in catalog.Items.Where(i => i.ContentType == MyAlmaty.Learn.Content.Types.ContentTypeNames.Quiz))
        {
            using var learner = Site.NewClient();
            var quiz = item.MetadataAs<QuizMetadata>();
            var attempt = await QuizTaker.StartAsync(learner, $"/{item.Culture}/quizzes/{item.Slug}");
            var html = await learner.GetStringAsync(attempt);
            var page = Html.Parse(html);

            foreach (var q in quiz.Questions)
            {
                if (q.Explanation is { } explanation) Assert.DoesNotContain(explanation, html);
                foreach (var option in q.Options)
                {
                    Assert.DoesNotContain(option.Explanation, html);
                    Assert.DoesNotContain($"value=\"{option.Id}\"", html);
                }
            }
            Assert.Empty(page.QuerySelectorAll(".choice-correct, .choice-wrong, .mark-right, .mark-wrong, .tag-right, .solution, [data-correct]"));
            Assert.DoesNotContain("correct", html, StringComparison.OrdinalIgnoreCase);
            foreach (var fieldset in page.QuerySelectorAll("fieldset.question"))
            {
                var question = quiz.Questions.Single(q => q.Text == fieldset.QuerySelector(".question-text")!.TextContent.Trim());
                if (question.Kind == QuestionKind.Order)
                {
                    var shown = fieldset.QuerySelectorAll("label").Select(l => l.TextContent.Trim()).ToList();
                    Assert.NotEqual(question.Items, shown);
                }
                // Every select offers the same places or definitions, in the same order, for every item.
                var lists = fieldset.QuerySelectorAll("select").Select(s => string.Join("|", s.QuerySelectorAll("option").Select(o => o.GetAttribute("value")))).Distinct().ToList();
                Assert.True(lists.Count <= 1, $"{item.Slug}/{question.Id}: selects differ");
            }
        }
    }

    [Fact]
    public async Task The_right_option_is_not_always_in_the_same_place_and_a_reload_shows_the_same_order()
    {
        var quiz = QuizTaker.Quiz(Site.Services, "ru", "urban-activist");
        var single = quiz.Questions.First(q => q.Kind == QuestionKind.Single);
        var right = single.Options.Single(o => o.Correct).Text;
        var places = new HashSet<int>();
        for (var i = 0; i < 12; i++)
        {
            // One open attempt per learner: the quiz page offers to continue it rather than start another.
            using var learner = Site.NewClient();
            var attempt = await QuizTaker.StartAsync(learner, "/ru/quizzes/urban-activist");
            var first = await learner.GetStringAsync(attempt);
            var again = await learner.GetStringAsync(attempt);
            var labels = Html.Parse(first).QuerySelectorAll("fieldset.question").First(f => f.QuerySelector(".question-text")!.TextContent.Trim() == single.Text)
                .QuerySelectorAll("label").Select(l => l.TextContent.Trim()).ToList();
            places.Add(labels.IndexOf(right));
            Assert.Equal(Strip(first), Strip(again));
        }
        Assert.True(places.Count >= 2, "the right option stood in the same place in 12 attempts");

        // The antiforgery token differs between two responses; everything else must be the same.
        static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "name=\"__af\" value=\"[^\"]*\"", "");
    }

    public static TheoryData<string, string> Tampering() => new()
    {
        { "unknown option", "option" },
        { "extra field", "extra" },
        { "missing select", "missing" },
        { "two values for one choice", "twice" },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task A_tampered_form_is_refused_with_a_reason_and_records_nothing(string _, string how)
    {
        using var learner = Site.NewClient();
        var quiz = QuizTaker.Quiz(Site.Services, "ru", "urban-activist");
        var attempt = await QuizTaker.StartAsync(learner, "/ru/quizzes/urban-activist");
        var (_, page) = await Html.GetAsync(learner, attempt);
        var fields = QuizTaker.Fields(page, quiz, right: true);
        var radio = page.QuerySelector("input[type=radio]")!;
        switch (how)
        {
            case "option": fields.Add((radio.GetAttribute("name")!, "zzzzzz")); fields.RemoveAll(f => f.Name == radio.GetAttribute("name") && f.Value != "zzzzzz"); break;
            case "extra": fields.Add(("q99", "1")); break;
            case "missing": fields.RemoveAll(f => f.Name.Contains('-', StringComparison.Ordinal)); break;
            case "twice": fields.Add((radio.GetAttribute("name")!, radio.GetAttribute("value")!)); fields.Add((radio.GetAttribute("name")!, radio.GetAttribute("value")!)); break;
        }
        fields.Add(("finish", "confirm"));
        var before = await AttemptAsync(attempt);

        var response = await PostAsync(learner, attempt, fields);
        var after = await AttemptAsync(attempt);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Обновите страницу теста", ErrorsOf(Html.Parse(await response.Content.ReadAsStringAsync())));
        Assert.Equal((before.Step, before.State, before.FinishedUtc), (after.Step, after.State, after.FinishedUtc));
    }

    [Fact]
    public async Task A_replayed_submission_of_a_finished_attempt_is_refused_and_changes_nothing()
    {
        using var learner = Site.NewClient();
        var quiz = QuizTaker.Quiz(Site.Services, "kk", "urban-activist");
        var attempt = await QuizTaker.StartAsync(learner, "/kk/quizzes/urban-activist");
        var (_, page) = await Html.GetAsync(learner, attempt);
        var wrong = QuizTaker.Fields(page, quiz, right: false);
        wrong.Add(("finish", "confirm"));
        var right = QuizTaker.Fields(page, quiz, right: true);
        right.Add(("finish", "confirm"));

        var first = await PostAsync(learner, attempt, wrong);
        var finished = await AttemptAsync(attempt);
        var replay = await PostAsync(learner, attempt, right);
        var after = await AttemptAsync(attempt);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("аяқталған", ErrorsOf(Html.Parse(await replay.Content.ReadAsStringAsync())));
        Assert.Equal((finished.Step, finished.State, finished.Score, finished.Passed), (after.Step, after.State, after.Score, after.Passed));
        Assert.False(after.Passed);
    }

    [Fact]
    public async Task A_form_from_an_earlier_step_is_refused_as_out_of_date()
    {
        using var learner = Site.NewClient();
        var quiz = QuizTaker.Quiz(Site.Services, "ru", "informal-communities");
        var attempt = await QuizTaker.StartAsync(learner, "/ru/quizzes/informal-communities");
        var (_, page) = await Html.GetAsync(learner, attempt);
        var fields = QuizTaker.Fields(page, quiz, right: true);

        var check = await PostAsync(learner, attempt, fields.Append(("check", "1")));
        var checkedOnce = await AttemptAsync(attempt);
        var stale = await PostAsync(learner, attempt, fields.Append(("check", "2")));
        var after = await AttemptAsync(attempt);

        Assert.Equal(HttpStatusCode.Redirect, check.StatusCode);
        Assert.Equal(1, checkedOnce.Step);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("устарела", ErrorsOf(Html.Parse(await stale.Content.ReadAsStringAsync())));
        Assert.Equal(checkedOnce.State, after.State);
    }

    [Fact]
    public async Task An_answer_sent_after_the_time_limit_is_refused_and_records_nothing()
    {
        using var learner = Site.NewClient();
        var quiz = QuizTaker.Quiz(Site.Services, "ru", "grassroots-final");
        var attempt = await QuizTaker.StartAsync(learner, "/ru/quizzes/grassroots-final");
        var (_, page) = await Html.GetAsync(learner, attempt);
        Assert.NotNull(page.QuerySelector(".quiz-deadline"));
        var fields = QuizTaker.Fields(page, quiz, right: true);
        fields.Add(("finish", "confirm"));
        // The learner sat on the page for 25 minutes of a 20-minute limit.
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var id = attempt.Split('/')[5];
            var moved = DateTime.UtcNow.AddMinutes(-25);
            await db.Set<QuizAttempt>().Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.StartedUtc, moved).SetProperty(a => a.DeadlineUtc, moved.AddMinutes(20)));
        }
        var before = await AttemptAsync(attempt);

        var late = await PostAsync(learner, attempt, fields);
        var after = await AttemptAsync(attempt);
        var (_, expired) = await Html.GetAsync(learner, attempt);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Время на эту попытку истекло", ErrorsOf(Html.Parse(await late.Content.ReadAsStringAsync())));
        Assert.Equal((before.Step, before.State, before.FinishedUtc, before.Passed), (after.Step, after.State, after.FinishedUtc, after.Passed));
        Assert.Null(expired.QuerySelector("form.quiz-form"));
        Assert.Contains("Начать новую попытку", expired.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Someone_elses_attempt_is_not_found()
    {
        using var owner = Site.NewClient();
        using var stranger = Site.NewClient();
        var attempt = await QuizTaker.StartAsync(owner, "/ru/quizzes/urban-activist");
        await stranger.GetAsync("/ru/quizzes/urban-activist");

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(attempt)).StatusCode);
    }

    [Fact]
    public async Task Checking_one_question_gives_a_hint_and_another_try_and_a_second_try_earns_two_thirds()
    {
        using var learner = Site.NewClient();
        var quiz = QuizTaker.Quiz(Site.Services, "ru", "informal-communities");
        var attempt = await QuizTaker.StartAsync(learner, "/ru/quizzes/informal-communities");
        var (_, page) = await Html.GetAsync(learner, attempt);
        var question = quiz.Questions.Single(q => q.Text == page.QuerySelector("#q1 .question-text")!.TextContent.Trim());

        var wrongFields = QuizTaker.Fields(page, quiz, right: false);
        await PostAsync(learner, attempt, wrongFields.Append(("check", "1")));
        var (_, retry) = await Html.GetAsync(learner, attempt);
        var rightFields = QuizTaker.Fields(retry, quiz, right: true);
        await PostAsync(learner, attempt, rightFields.Append(("check", "1")));
        var (_, done) = await Html.GetAsync(learner, attempt);
        var state = (await AttemptAsync(attempt)).ReadState().Of(question.Id);

        Assert.NotNull(retry.QuerySelector("#q1 .feedback-retry"));
        Assert.Contains(question.Hint!, retry.QuerySelector("#q1")!.TextContent);
        Assert.DoesNotContain(question.Explanation!, retry.QuerySelector("main")!.TextContent);
        Assert.NotNull(done.QuerySelector("#q1.question-right"));
        Assert.Contains(question.Explanation!, done.QuerySelector("#q1")!.TextContent);
        Assert.Null(done.QuerySelector("#q1 input, #q1 select, #q1 button"));
        Assert.Equal((2, true), (state.Tries, state.Right));
        Assert.Equal(Math.Round(2.0 / 3, 10), Math.Round(state.Score, 10));
    }

    [Fact]
    public async Task Checking_a_question_with_no_answer_asks_for_one_and_uses_no_try()
    {
        using var learner = Site.NewClient();
        var attempt = await QuizTaker.StartAsync(learner, "/ru/quizzes/informal-communities");
        var (_, page) = await Html.GetAsync(learner, attempt);
        var empty = page.QuerySelectorAll("form.quiz-form input[type=hidden]").Select(i => (i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Concat(page.QuerySelectorAll("form.quiz-form select, form.quiz-form input[type=text]").Select(i => (i.GetAttribute("name")!, "")));

        var response = await PostAsync(learner, attempt, empty.Append(("check", "1")));
        var form = Html.Parse(await response.Content.ReadAsStringAsync());
        var state = (await AttemptAsync(attempt)).ReadState();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("На вопрос 1 ещё нет ответа", ErrorsOf(form));
        Assert.NotNull(form.QuerySelector("#q1.question-unanswered"));
        Assert.Null(form.QuerySelector("button[name=finish][value=confirm]"));
        Assert.All(state.Questions.Values, q => Assert.Equal(0, q.Tries));
    }

    [Fact]
    public async Task Finishing_with_questions_unanswered_asks_first_and_keeps_the_answers_given()
    {
        using var learner = Site.NewClient();
        var quiz = QuizTaker.Quiz(Site.Services, "ru", "urban-activist");
        var attempt = await QuizTaker.StartAsync(learner, "/ru/quizzes/urban-activist");
        var (_, page) = await Html.GetAsync(learner, attempt);
        var fields = QuizTaker.Fields(page, quiz, right: true);
        var text = page.QuerySelector("input[type=text]")!.GetAttribute("name")!;
        fields = fields.Select(f => f.Name == text ? (f.Name, "") : f).ToList();

        var asked = await PostAsync(learner, attempt, fields.Append(("finish", "1")));
        var form = Html.Parse(await asked.Content.ReadAsStringAsync());
        var attemptAfter = await AttemptAsync(attempt);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Пока без ответа", ErrorsOf(form));
        Assert.NotNull(form.QuerySelector("button[name=finish][value=confirm]"));
        Assert.Single(form.QuerySelectorAll("fieldset.question-unanswered"));
        Assert.NotNull(form.QuerySelector("input[type=radio][checked]"));
        Assert.Null(attemptAfter.FinishedUtc);
    }

    [Fact]
    public async Task Passing_the_final_quiz_counts_as_the_last_step_of_the_course()
    {
        using var learner = Site.NewClient();
        await QuizTaker.PassAsync(learner, Site.Services, "ru", "grassroots-final");
        var (_, course) = await Html.GetAsync(learner, "/ru/courses/grassroots");

        Assert.NotNull(course.QuerySelector("#final-quiz .lesson-check"));
        Assert.Contains("1", course.QuerySelector("#course-progress")?.ParentElement?.TextContent ?? "");
    }

    [Fact]
    public async Task Item_analysis_is_for_those_who_may_analyse_quizzes_and_shows_the_most_chosen_wrong_answer()
    {
        using (var learner = Site.NewClient())
        {
            var quiz = QuizTaker.Quiz(Site.Services, "ru", "civic-activism");
            var attempt = await QuizTaker.StartAsync(learner, "/ru/quizzes/civic-activism");
            await QuizTaker.SubmitAsync(learner, attempt, quiz, right: false);
        }
        var email = AccountFlowTests.NewEmail();
        string token;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync(email, RoleNames.Facilitator, "Ведущая", "ru");
        }
        using var facilitator = Site.NewClient();
        await AccountFlowTests.UseLinkAsync(facilitator, $"/ru/account/link/{token}?purpose=setup");
        using var anonymous = Site.NewClient();
        var learnerEmail = AccountFlowTests.NewEmail();
        using var signedInLearner = Site.NewClient();
        await Forms.SubmitAsync(signedInLearner, "/ru/account/sign-in", "/ru/account/link", ("email", learnerEmail));
        await AccountFlowTests.UseLinkAsync(signedInLearner, Mailbox.LinkIn((await Mailbox.WaitForAsync(Site.MailFolder, learnerEmail)).Single()));

        var (response, analysis) = await Html.GetAsync(facilitator, "/ru/quizzes/civic-activism/analysis");
        var forAnonymous = await anonymous.GetAsync("/ru/quizzes/civic-activism/analysis");
        var forLearner = await signedInLearner.GetAsync("/ru/quizzes/civic-activism/analysis");
        var (_, introForFacilitator) = await Html.GetAsync(facilitator, "/ru/quizzes/civic-activism");
        var (_, introForLearner) = await Html.GetAsync(signedInLearner, "/ru/quizzes/civic-activism");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = analysis.QuerySelectorAll("table tbody tr");
        Assert.Equal(QuizTaker.Quiz(Site.Services, "ru", "civic-activism").Questions.Count, rows.Length);
        Assert.NotNull(analysis.QuerySelector("svg.bar-chart rect.bar"));
        var firstWrong = QuizTaker.Quiz(Site.Services, "ru", "civic-activism").Questions.First(q => q.Kind == QuestionKind.Single).Options.First(o => !o.Correct).Text;
        Assert.Contains(firstWrong, analysis.QuerySelector("table")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, forAnonymous.StatusCode);
        Assert.Equal("/ru/account/sign-in?returnPath=%2Fru%2Fquizzes%2Fcivic-activism%2Fanalysis", forAnonymous.Headers.Location!.OriginalString);
        // The analysis of every quiz lives at the same kind of address: a learner is told it is not for them rather than that it does not exist.
        Assert.Equal(HttpStatusCode.Forbidden, forLearner.StatusCode);
        Assert.NotNull(introForFacilitator.QuerySelector("a[href='/ru/quizzes/civic-activism/analysis']"));
        Assert.Null(introForLearner.QuerySelector("a[href$='/analysis']"));
    }
}
