using MyAlmaty.Learn.Quizzes;
using static MyAlmaty.Learn.Tests.Quizzes.QuizSamples;

namespace MyAlmaty.Learn.Tests.Quizzes;

public sealed class QuizGraderTests
{
    private static readonly Mark FullMarks = new(1, true);

    private static Mark Chosen(QuizQuestion q, params string[] ids) => QuizGrader.Grade(q, new QuestionAnswer { Chosen = ids });

    private static Mark Placed(QuizQuestion q, params int?[] places) => QuizGrader.Grade(q, new QuestionAnswer { Places = places });

    [Fact]
    public void Single_with_the_right_option_earns_the_point() => Assert.Equal(FullMarks, Chosen(Single(), "volunteer"));

    [Fact]
    public void Single_with_a_wrong_option_earns_nothing() => Assert.Equal(Mark.Wrong, Chosen(Single(), "official"));

    [Fact]
    public void Single_with_two_options_chosen_earns_nothing_even_if_one_is_right()
    {
        Assert.Equal(Mark.Wrong, Chosen(Single(), "volunteer", "official"));
        Assert.Equal(Mark.Wrong, Chosen(Single(), "official", "volunteer"));
    }

    [Fact]
    public void Single_with_an_option_id_it_does_not_have_earns_nothing() => Assert.Equal(Mark.Wrong, Chosen(Single(), "nobody"));

    [Fact]
    public void Multiple_with_all_the_right_options_is_right() => Assert.Equal(FullMarks, Chosen(Multiple(), "public", "unpaid", "voluntary"));

    [Theory]
    [InlineData(new[] { "unpaid" }, 1.0 / 3)]
    [InlineData(new[] { "unpaid", "voluntary" }, 2.0 / 3)]
    [InlineData(new[] { "voluntary", "public" }, 2.0 / 3)]
    public void Multiple_with_some_right_options_earns_their_share(string[] chosen, double score) =>
        Assert.Equal(new Mark(score, false), Chosen(Multiple(), chosen));

    [Theory]
    [InlineData(new[] { "unpaid", "voluntary", "public", "salary" }, 2.0 / 3)]
    [InlineData(new[] { "unpaid", "voluntary", "salary" }, 1.0 / 3)]
    [InlineData(new[] { "unpaid", "voluntary", "salary", "orders" }, 0.0)]
    public void Each_wrong_pick_takes_back_one_share(string[] chosen, double score) =>
        Assert.Equal(new Mark(score, false), Chosen(Multiple(), chosen));

    [Theory]
    [InlineData("unpaid", "salary", "orders")]
    [InlineData("salary")]
    [InlineData("salary", "orders")]
    public void Multiple_never_scores_below_zero(params string[] chosen)
    {
        var mark = Chosen(Multiple(), chosen);
        Assert.Equal(Mark.Wrong, mark);
        Assert.Equal(0.0, mark.Score);
    }

    [Fact]
    public void Multiple_with_nothing_chosen_earns_nothing()
    {
        Assert.Equal(Mark.Wrong, Chosen(Multiple()));
        Assert.Equal(Mark.Wrong, QuizGrader.Grade(Multiple(), new QuestionAnswer()));
        Assert.Equal(Mark.Wrong, QuizGrader.Grade(Multiple(), null));
    }

    [Theory]
    [InlineData(false, false, true)]
    [InlineData(false, true, false)]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    public void True_false_is_right_only_when_the_flag_is_the_answer(bool answer, bool given, bool right) =>
        Assert.Equal(right ? FullMarks : Mark.Wrong, QuizGrader.Grade(TrueFalse(answer: answer), new QuestionAnswer { Flag = given }));

    [Fact]
    public void True_false_with_no_choice_earns_nothing() =>
        Assert.Equal(Mark.Wrong, QuizGrader.Grade(TrueFalse(answer: false), new QuestionAnswer()));

    [Theory]
    [InlineData("субботник")]
    [InlineData("«Субботник!»")]
    [InlineData("сенбілік")]
    [InlineData("senbilik")]
    [InlineData("сенбилик")]
    public void Text_accepts_every_accepted_form(string given) =>
        Assert.Equal(FullMarks, QuizGrader.Grade(Text(), new QuestionAnswer { Text = given }));

    [Theory]
    [InlineData("суббота")]
    [InlineData("толока")]
    [InlineData("!!!")]
    [InlineData("   ")]
    public void Text_refuses_other_words_and_empty_answers(string given) =>
        Assert.Equal(Mark.Wrong, QuizGrader.Grade(Text(), new QuestionAnswer { Text = given }));

    [Fact]
    public void Order_with_every_item_in_its_place_is_right() => Assert.Equal(FullMarks, Placed(Order(), 0, 1, 2, 3));

    [Theory]
    [InlineData(new[] { 0, 1, 3, 2 }, 0.5)]
    [InlineData(new[] { 0, 2, 1, 3 }, 0.5)]
    [InlineData(new[] { 0, 3, 1, 2 }, 0.25)]
    [InlineData(new[] { 1, 0, 3, 2 }, 0.0)]
    [InlineData(new[] { 3, 2, 1, 0 }, 0.0)]
    public void Order_earns_a_share_for_each_item_in_its_place(int[] places, double score) =>
        Assert.Equal(new Mark(score, false), Placed(Order(), [.. places.Select(p => (int?)p)]));

    [Fact]
    public void Order_with_some_items_unplaced_counts_the_placed_ones() =>
        Assert.Equal(new Mark(0.5, false), Placed(Order(), 0, null, 2, null));

    [Fact]
    public void Order_with_nothing_placed_earns_nothing() => Assert.Equal(Mark.Wrong, Placed(Order(), null, null, null, null));

    [Theory]
    [InlineData(new[] { 0, 1, 2 })]
    [InlineData(new[] { 0, 1, 2, 3, 4 })]
    [InlineData(new int[0])]
    public void Order_with_places_for_a_different_number_of_items_earns_nothing(int[] places) =>
        Assert.Equal(Mark.Wrong, Placed(Order(), [.. places.Select(p => (int?)p)]));

    [Fact]
    public void Match_with_every_pair_right_is_right() => Assert.Equal(FullMarks, Placed(Match(), 0, 1, 2));

    [Theory]
    [InlineData(new[] { 0, 2, 1 }, 1.0 / 3)]
    [InlineData(new[] { 0, 1, 1 }, 2.0 / 3)]
    [InlineData(new[] { 1, 2, 0 }, 0.0)]
    public void Match_earns_a_share_for_each_right_pair(int[] rights, double score) =>
        Assert.Equal(new Mark(score, false), Placed(Match(), [.. rights.Select(r => (int?)r)]));

    [Fact]
    public void Match_with_some_pairs_unanswered_counts_the_answered_ones() =>
        Assert.Equal(new Mark(1.0 / 3, false), Placed(Match(), null, 1, null));

    [Fact]
    public void Match_left_unanswered_earns_nothing()
    {
        Assert.Equal(Mark.Wrong, Placed(Match(), null, null, null));
        Assert.Equal(Mark.Wrong, QuizGrader.Grade(Match(), null));
    }

    [Fact]
    public void An_answer_of_another_kind_earns_nothing()
    {
        Assert.Equal(Mark.Wrong, QuizGrader.Grade(Single(), new QuestionAnswer { Flag = true }));
        Assert.Equal(Mark.Wrong, QuizGrader.Grade(TrueFalse(answer: true), new QuestionAnswer { Chosen = ["volunteer"] }));
        Assert.Equal(Mark.Wrong, QuizGrader.Grade(Order(), new QuestionAnswer { Text = "0 1 2 3" }));
    }
}
