using MyAlmaty.Learn.Quizzes;
using static MyAlmaty.Learn.Tests.Quizzes.QuizSamples;

namespace MyAlmaty.Learn.Tests.Quizzes;

public sealed class QuizAnalysisTests
{
    private static readonly QuizMetadata Quiz = AllKinds() with { PassPercent = 50 };

    private static string FlagLabel(bool flag) => flag ? "Верно" : "Неверно";

    private static QuizAnalysis Analyse(params QuizAttempt[] attempts) => QuizAnalysis.Of(Quiz, attempts, FlagLabel);

    private static QuestionStatistics Of(QuizAnalysis analysis, string id) => analysis.Questions.Single(q => q.Id == id);

    /// <summary>A finished attempt in which each given question was drawn, answered as given and graded; the others were not drawn.</summary>
    private static QuizAttempt Finished(params (string Id, QuestionAnswer? Answer)[] answers)
    {
        var state = new AttemptState();
        foreach (var (id, answer) in answers)
        {
            var mark = QuizGrader.Grade(Quiz.Questions.Single(q => q.Id == id), answer);
            state.Questions[id] = new QuestionState { Answer = answer, Tries = 1, Locked = true, Score = mark.Score, Right = mark.Right };
        }
        var attempt = new QuizAttempt
        {
            Id = Guid.NewGuid().ToString("N"),
            LearnerId = "anon-1",
            QuizKey = "activist",
            Culture = "ru",
            FinishedUtc = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc),
            MaxScore = answers.Length,
            Score = state.Questions.Values.Sum(s => s.Score),
        };
        attempt.Passed = attempt.Percent >= Quiz.PassPercent;
        attempt.WriteState(state);
        return attempt;
    }

    private static (string, QuestionAnswer?) Choose(string id, params string[] options) => (id, new QuestionAnswer { Chosen = options });

    private static (string, QuestionAnswer?) Flag(bool flag) => ("money", new QuestionAnswer { Flag = flag });

    private static (string, QuestionAnswer?) Text(string text) => ("term", new QuestionAnswer { Text = text });

    [Fact]
    public void Counts_attempts_passes_the_pass_rate_and_the_average_percent()
    {
        var analysis = Analyse(
            Finished(Choose("definition", "volunteer"), Flag(false), Text("субботник")),
            Finished(Choose("definition", "volunteer"), Flag(false), Text("толока"), Choose("signs", "salary")),
            Finished(Choose("definition", "official"), Flag(true), Text("субботник")));

        Assert.Equal((3, 2, 67, 61), (analysis.Attempts, analysis.Passed, analysis.PassRate, analysis.AveragePercent));
    }

    [Fact]
    public void No_attempts_give_zeros_and_no_wrong_answer()
    {
        var analysis = Analyse();

        Assert.Equal((0, 0, 0, 0), (analysis.Attempts, analysis.Passed, analysis.PassRate, analysis.AveragePercent));
        Assert.Equal(6, analysis.Questions.Count);
        Assert.All(analysis.Questions, q => Assert.Equal((0, 0, 0, (string?)null, 0), (q.Shown, q.Right, q.Percent, q.TopWrong, q.TopWrongCount)));
    }

    [Fact]
    public void Each_question_has_its_number_kind_and_share_answered_right()
    {
        var analysis = Analyse(
            Finished(Choose("definition", "volunteer"), Flag(false)),
            Finished(Choose("definition", "volunteer"), Flag(true)),
            Finished(Choose("definition", "official"), Flag(true)));

        Assert.Equal([(1, "definition", "single"), (2, "signs", "multiple"), (3, "money", "truefalse"), (4, "term", "text"), (5, "steps", "order"), (6, "concepts", "match")],
            analysis.Questions.Select(q => (q.Number, q.Id, q.Kind)));
        Assert.Equal((3, 2, 67), (Of(analysis, "definition").Shown, Of(analysis, "definition").Right, Of(analysis, "definition").Percent));
        Assert.Equal((3, 1, 33), (Of(analysis, "money").Shown, Of(analysis, "money").Right, Of(analysis, "money").Percent));
    }

    [Fact]
    public void The_most_common_wrong_option_is_named_by_its_text()
    {
        var analysis = Analyse(
            Finished(Choose("definition", "official")),
            Finished(Choose("definition", "deputy")),
            Finished(Choose("definition", "official")),
            Finished(Choose("definition", "volunteer")));

        var definition = Of(analysis, "definition");
        Assert.Equal(("Сотрудника акимата", 2), (definition.TopWrong, definition.TopWrongCount));
    }

    [Fact]
    public void Each_wrong_pick_of_a_multiple_choice_counts_and_right_picks_do_not()
    {
        var analysis = Analyse(
            Finished(Choose("signs", "unpaid", "salary")),
            Finished(Choose("signs", "unpaid", "voluntary", "salary", "orders")),
            Finished(Choose("signs", "salary")),
            Finished(Choose("signs", "unpaid", "voluntary")));

        var signs = Of(analysis, "signs");
        Assert.Equal((4, 0, "Получает зарплату", 3), (signs.Shown, signs.Right, signs.TopWrong, signs.TopWrongCount));
    }

    [Fact]
    public void Wrong_answers_that_tie_are_named_in_a_fixed_order()
    {
        var analysis = Analyse(Finished(Choose("signs", "salary")), Finished(Choose("signs", "orders")));

        Assert.Equal(("Выполняет приказы", 1), (Of(analysis, "signs").TopWrong, Of(analysis, "signs").TopWrongCount));
    }

    [Fact]
    public void A_wrong_true_false_answer_is_named_in_the_readers_words()
    {
        var analysis = Analyse(Finished(Flag(true)), Finished(Flag(true)), Finished(Flag(false)));

        Assert.Equal(("Верно", 2), (Of(analysis, "money").TopWrong, Of(analysis, "money").TopWrongCount));
    }

    [Fact]
    public void Wrong_short_answers_are_grouped_by_their_folded_form_and_named_as_first_written()
    {
        var analysis = Analyse(
            Finished(Text("Толока")),
            Finished(Text("уборка")),
            Finished(Text("толока!")),
            Finished(Text("  ТОЛОКА  ")),
            Finished(Text("уборка")),
            Finished(Text("Субботник")));

        var term = Of(analysis, "term");
        Assert.Equal((6, 1, "Толока", 3), (term.Shown, term.Right, term.TopWrong, term.TopWrongCount));
    }

    [Fact]
    public void A_wrong_ordering_is_named_by_the_order_given()
    {
        var wrong = ("steps", (QuestionAnswer?)new QuestionAnswer { Places = [1, 0, 2, 3] });

        var analysis = Analyse(Finished(wrong), Finished(wrong), Finished(("steps", new QuestionAnswer { Places = [0, 1, 2, 3] })));

        var steps = Of(analysis, "steps");
        Assert.Equal((3, 1, 2), (steps.Shown, steps.Right, steps.TopWrongCount));
        Assert.Equal("Найти единомышленников → Заметить проблему → Договориться о плане → Сделать первое дело", steps.TopWrong);
    }

    [Fact]
    public void Each_wrong_pair_of_a_matching_counts_on_its_own()
    {
        var analysis = Analyse(
            Finished(("concepts", new QuestionAnswer { Places = [1, 0, 2] })),
            Finished(("concepts", new QuestionAnswer { Places = [0, 2, null] })),
            Finished(("concepts", new QuestionAnswer { Places = [1, 1, 2] })));

        var concepts = Of(analysis, "concepts");
        Assert.Equal((3, 0, "Активист — Группа соседей", 2), (concepts.Shown, concepts.Right, concepts.TopWrong, concepts.TopWrongCount));
    }

    [Fact]
    public void An_unanswered_question_counts_as_a_wrong_dash()
    {
        var analysis = Analyse(Finished(("money", null)), Finished(("money", new QuestionAnswer())), Finished(Flag(true)));

        Assert.Equal((3, 0, "—", 2), (Of(analysis, "money").Shown, Of(analysis, "money").Right, Of(analysis, "money").TopWrong, Of(analysis, "money").TopWrongCount));
    }

    [Fact]
    public void A_question_drawn_in_only_some_attempts_is_counted_over_those_attempts()
    {
        var analysis = Analyse(
            Finished(Choose("definition", "volunteer"), Text("субботник")),
            Finished(Choose("definition", "official"), Flag(false)),
            Finished(Flag(true), Text("толока")),
            Finished(Choose("definition", "volunteer"), Flag(false)));

        Assert.Equal((3, 2, 67), (Of(analysis, "definition").Shown, Of(analysis, "definition").Right, Of(analysis, "definition").Percent));
        Assert.Equal((3, 2, 67), (Of(analysis, "money").Shown, Of(analysis, "money").Right, Of(analysis, "money").Percent));
        Assert.Equal((2, 1, 50), (Of(analysis, "term").Shown, Of(analysis, "term").Right, Of(analysis, "term").Percent));
        Assert.Equal((0, 0, 0), (Of(analysis, "steps").Shown, Of(analysis, "steps").Right, Of(analysis, "steps").Percent));
        Assert.Equal(4, analysis.Attempts);
    }

    [Fact]
    public void A_question_never_locked_in_an_attempt_does_not_count_as_shown()
    {
        var attempt = Finished(Choose("definition", "volunteer"));
        var state = attempt.ReadState();
        state.Questions["money"] = new QuestionState { Answer = new QuestionAnswer { Flag = true }, Tries = 1, TryAgain = true };
        attempt.WriteState(state);

        var money = Of(Analyse(attempt), "money");

        Assert.Equal((0, 0, (string?)null), (money.Shown, money.Right, money.TopWrong));
    }
}
