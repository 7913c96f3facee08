using MyAlmaty.Learn.Quizzes;
using static MyAlmaty.Learn.Tests.Quizzes.QuizSamples;

namespace MyAlmaty.Learn.Tests.Quizzes;

public sealed class QuizPaperTests
{
    private static readonly IReadOnlyList<long> Seeds = [.. Enumerable.Range(1, 50).Select(i => (long)i * 7919)];

    /// <summary>Everything a paper shows, as text: two papers are the same exactly when these are.</summary>
    private static string Describe(QuizPaper paper) =>
        string.Join("\n", paper.Questions.Select(q =>
            $"{q.Number} {q.Question.Id}: {string.Join(",", q.Choices.Select(c => $"{c.Index}={c.Token}"))} | {string.Join(",", q.Targets.Select(c => $"{c.Index}={c.Token}"))}"));

    private static QuizMetadata Pool(int size, int draw) =>
        Quiz([.. Enumerable.Range(1, size).Select(i => Single($"question-{i}"))]) with { Draw = draw };

    [Fact]
    public void The_same_seed_lays_out_the_same_paper()
    {
        var quiz = AllKinds() with { Draw = 4 };

        var first = QuizPaper.For(quiz, 20261125);
        var again = QuizPaper.For(quiz, 20261125);

        Assert.Equal(4, first.Questions.Count);
        Assert.Equal(Describe(first), Describe(again));
    }

    [Fact]
    public void Different_seeds_put_the_right_option_in_every_position()
    {
        var quiz = Quiz(Single());

        var positions = Seeds.Select(seed => QuizPaper.For(quiz, seed).Questions[0].Choices.ToList().FindIndex(c => c.Index == 0)).ToHashSet();

        Assert.Equal([0, 1, 2, 3], positions.Order());
    }

    [Fact]
    public void Different_seeds_give_different_option_orders()
    {
        var quiz = Quiz(Multiple());

        var orders = Seeds.Select(seed => string.Join(",", QuizPaper.For(quiz, seed).Questions[0].Choices.Select(c => c.Index))).ToHashSet();

        Assert.True(orders.Count >= 20, $"only {orders.Count} orders of five options over {Seeds.Count} seeds");
    }

    [Fact]
    public void Without_shuffling_options_keep_the_authored_order_but_their_tokens_still_change()
    {
        var quiz = Quiz(Single()) with { Shuffle = false };

        var papers = Seeds.Select(seed => QuizPaper.For(quiz, seed).Questions[0]).ToList();

        Assert.All(papers, q => Assert.Equal([0, 1, 2, 3], q.Choices.Select(c => c.Index)));
        Assert.Equal(Seeds.Count, papers.Select(q => q.Choices[0].Token).Distinct().Count());
    }

    [Fact]
    public void Drawing_picks_that_many_distinct_questions_in_the_authored_order()
    {
        var quiz = Pool(size: 6, draw: 3);

        foreach (var seed in Seeds)
        {
            var paper = QuizPaper.For(quiz, seed);
            var positions = paper.Questions.Select(q => quiz.Questions.ToList().IndexOf(q.Question)).ToList();
            Assert.Equal(3, positions.Distinct().Count());
            Assert.Equal(positions.Order(), positions);
            Assert.Equal([1, 2, 3], paper.Questions.Select(q => q.Number));
        }
    }

    [Fact]
    public void Drawing_varies_between_seeds_and_every_question_is_drawn_by_some_seed()
    {
        var quiz = Pool(size: 6, draw: 3);

        var draws = Seeds.Select(seed => string.Join(",", QuizPaper.For(quiz, seed).Questions.Select(q => q.Question.Id))).ToList();

        Assert.True(draws.Distinct().Count() >= 5, $"only {draws.Distinct().Count()} different draws over {Seeds.Count} seeds");
        var drawn = draws.SelectMany(d => d.Split(',')).ToHashSet();
        Assert.Equal(quiz.Questions.Select(q => q.Id).Order(), drawn.Order());
    }

    [Fact]
    public void Without_a_draw_every_question_is_shown_in_the_authored_order()
    {
        var quiz = AllKinds();

        var paper = QuizPaper.For(quiz, 42);

        Assert.Equal(quiz.Questions.Select(q => q.Id), paper.Questions.Select(q => q.Question.Id));
        Assert.Equal([1, 2, 3, 4, 5, 6], paper.Questions.Select(q => q.Number));
        Assert.Same(paper.Questions[2], paper.ByNumber(3));
        Assert.Null(paper.ByNumber(0));
        Assert.Null(paper.ByNumber(7));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void An_ordering_is_never_shown_already_in_order(int items)
    {
        var quiz = Quiz(Order(count: items));

        var shown = Enumerable.Range(1, 200).Select(seed => QuizPaper.For(quiz, seed).Questions[0].Choices.Select(c => c.Index).ToList()).ToList();

        Assert.All(shown, order => Assert.NotEqual(Enumerable.Range(0, items), order));
        Assert.All(shown, order => Assert.Equal(Enumerable.Range(0, items), order.Order()));
        // Still shuffled: every other arrangement turns up (one for two items, five for three).
        Assert.Equal(items == 2 ? 1 : 5, shown.Select(o => string.Join(",", o)).Distinct().Count());
    }

    [Fact]
    public void An_ordering_is_shuffled_even_when_the_quiz_does_not_shuffle_options()
    {
        var quiz = Quiz(Order(count: 4)) with { Shuffle = false };

        Assert.All(Seeds, seed => Assert.NotEqual([0, 1, 2, 3], QuizPaper.For(quiz, seed).Questions[0].Choices.Select(c => c.Index)));
    }

    [Fact]
    public void Tokens_are_unique_within_a_question()
    {
        foreach (var seed in Seeds)
        {
            foreach (var q in QuizPaper.For(AllKinds(), seed).Questions)
            {
                var tokens = q.Choices.Concat(q.Targets).Select(c => c.Token).ToList();
                Assert.Equal(tokens.Count, tokens.Distinct().Count());
            }
        }
    }

    [Fact]
    public void Tokens_give_away_neither_the_option_id_nor_whether_it_is_right()
    {
        var quiz = AllKinds();
        var ids = quiz.Questions.SelectMany(q => q.Options.Select(o => o.Id)).Concat(quiz.Questions.Select(q => q.Id)).ToList();

        var tokens = Seeds.SelectMany(seed => QuizPaper.For(quiz, seed).Questions).SelectMany(q => q.Choices.Concat(q.Targets)).Select(c => c.Token).ToList();

        Assert.All(tokens, token =>
        {
            Assert.Matches("^[a-z0-9]{6,}$", token);
            Assert.DoesNotContain(ids, id => token.Contains(id, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(new[] { "correct", "true", "false", "right", "wrong" }, word => token.Contains(word, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public void A_true_false_question_offers_true_then_false_with_tokens_unrelated_to_the_answer()
    {
        var truly = QuizPaper.For(Quiz(TrueFalse(answer: true)), 5).Questions[0];
        var falsely = QuizPaper.For(Quiz(TrueFalse(answer: false)), 5).Questions[0];

        Assert.Equal([1, 0], truly.Choices.Select(c => c.Index));
        Assert.Equal(["true", "false"], truly.Choices.Select(c => c.Text));
        Assert.Equal(truly.Choices.Select(c => c.Token), falsely.Choices.Select(c => c.Token));
    }

    [Fact]
    public void Tokens_differ_between_attempts()
    {
        var quiz = AllKinds();

        var first = QuizPaper.For(quiz, 1).Questions.SelectMany(q => q.Choices.Concat(q.Targets)).Select(c => c.Token).ToHashSet();
        var second = QuizPaper.For(quiz, 2).Questions.SelectMany(q => q.Choices.Concat(q.Targets)).Select(c => c.Token).ToHashSet();

        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public void A_matching_shuffles_both_sides_and_keeps_every_item()
    {
        var quiz = Quiz(Match());

        var papers = Seeds.Select(seed => QuizPaper.For(quiz, seed).Questions[0]).ToList();

        Assert.All(papers, q =>
        {
            Assert.Equal([0, 1, 2], q.Choices.Select(c => c.Index).Order());
            Assert.Equal([0, 1, 2], q.Targets.Select(c => c.Index).Order());
            Assert.Equal(q.Question.Left, q.Choices.OrderBy(c => c.Index).Select(c => c.Text));
            Assert.Equal(q.Question.Right, q.Targets.OrderBy(c => c.Index).Select(c => c.Text));
        });
        Assert.True(papers.Select(q => string.Join(",", q.Choices.Select(c => c.Index))).Distinct().Count() > 1);
        Assert.True(papers.Select(q => string.Join(",", q.Targets.Select(c => c.Index))).Distinct().Count() > 1);
    }

    [Fact]
    public void Field_names_follow_the_question_number_and_the_item_token()
    {
        var q = QuizPaper.For(AllKinds(), 3).ByNumber(5)!;

        Assert.Equal("q5", q.Field);
        Assert.Equal($"q5-{q.Choices[0].Token}", q.FieldFor(q.Choices[0]));
    }
}
