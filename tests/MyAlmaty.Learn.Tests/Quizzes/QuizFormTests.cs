using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Quizzes;

public sealed class QuizFormTests
{
    private const long Seed = 20261125;
    private static readonly QuizPaper Paper = QuizPaper.For(QuizSamples.AllKinds(), Seed);
    private static readonly IReadOnlySet<int> AllOpen = new HashSet<int> { 1, 2, 3, 4, 5, 6 };

    private static FormReading Read(PaperForm form, IReadOnlySet<int>? open = null) =>
        QuizForm.Read(Paper, open ?? AllOpen, form.Fields, PaperForm.Control);

    private static QuestionAnswer ReadOne(PaperForm form, string questionId)
    {
        var reading = Read(form);
        Assert.Null(reading.Problem);
        return reading.Answers[questionId];
    }

    private static void AssertRefused(string problem, FormReading reading)
    {
        Assert.Equal(problem, reading.Problem);
        Assert.Empty(reading.Answers);
    }

    [Fact]
    public void A_single_choice_reads_as_the_chosen_option_id() =>
        Assert.Equal(["official"], ReadOne(PaperForm.Blank(Paper).Choose("definition", "official"), "definition").Chosen);

    [Fact]
    public void A_multiple_choice_reads_as_every_chosen_option_id() =>
        Assert.Equal(["salary", "unpaid"], ReadOne(PaperForm.Blank(Paper).Choose("signs", "unpaid", "salary"), "signs").Chosen!.Order());

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_true_false_choice_reads_as_the_flag(bool value) =>
        Assert.Equal(value, ReadOne(PaperForm.Blank(Paper).Flag("money", value), "money").Flag);

    [Fact]
    public void A_short_answer_reads_as_the_text_without_surrounding_spaces() =>
        Assert.Equal("Субботник!", ReadOne(PaperForm.Blank(Paper).Text("term", "  Субботник!\n"), "term").Text);

    [Fact]
    public void An_ordering_reads_as_the_place_of_each_authored_item() =>
        Assert.Equal([2, 0, null, 1], ReadOne(PaperForm.Blank(Paper).Order("steps", 2, 0, null, 1), "steps").Places);

    [Fact]
    public void A_matching_reads_as_the_right_hand_index_of_each_left_hand_item() =>
        Assert.Equal([1, null, 0], ReadOne(PaperForm.Blank(Paper).Match("concepts", 1, null, 0), "concepts").Places);

    [Fact]
    public void A_whole_right_form_reads_back_as_answers_that_grade_right()
    {
        var reading = Read(PaperForm.Blank(Paper).AllRight().Set("step", "3").Set("finish", "1"));

        Assert.Null(reading.Problem);
        Assert.Equal(6, reading.Answers.Count);
        Assert.All(Paper.Questions, q => Assert.True(QuizGrader.Grade(q.Question, reading.Answers[q.Question.Id]).Right, q.Question.Id));
    }

    [Fact]
    public void An_unanswered_form_is_no_fault_and_every_answer_is_empty()
    {
        var reading = Read(PaperForm.Blank(Paper));

        Assert.Null(reading.Problem);
        Assert.Equal(6, reading.Answers.Count);
        Assert.All(reading.Answers.Values, a => Assert.True(a.IsEmpty));
    }

    [Fact]
    public void An_empty_radio_value_is_no_answer_either()
    {
        var answer = ReadOne(PaperForm.Blank(Paper).Set("q1", "").Set("q3", ""), "definition");

        Assert.True(answer.IsEmpty);
    }

    [Fact]
    public void A_field_the_paper_does_not_have_refuses_the_form()
    {
        AssertRefused(SubmissionMessages.UnknownField, Read(PaperForm.Blank(Paper).Right("definition").Set("q7", "x")));
        AssertRefused(SubmissionMessages.UnknownField, Read(PaperForm.Blank(Paper).Set("admin", "1")));
        AssertRefused(SubmissionMessages.UnknownField, Read(PaperForm.Blank(Paper).Set("q5-zzzzzz", "1")));
    }

    [Fact]
    public void An_option_token_the_paper_did_not_hand_out_refuses_the_form()
    {
        var otherPaper = QuizPaper.For(QuizSamples.AllKinds(), Seed + 1);
        var foreign = otherPaper.ByNumber(1)!.Choices[0].Token;

        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Set("q1", foreign)));
        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Set("q1", "volunteer")));
        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Choose("signs", "unpaid").Set("q2", Paper.ByNumber(2)!.Choices[0].Token, "correct")));
        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Set("q3", "true")));
    }

    [Fact]
    public void A_token_of_another_question_is_unknown_too()
    {
        var tokenOfQuestionTwo = Paper.ByNumber(2)!.Choices[0].Token;

        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Set("q1", tokenOfQuestionTwo)));
    }

    [Fact]
    public void A_place_out_of_range_or_a_target_token_not_handed_out_refuses_the_form()
    {
        var steps = Paper.ByNumber(5)!;
        var concepts = Paper.ByNumber(6)!;

        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Set(steps.FieldFor(steps.Choices[0]), "5")));
        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Set(steps.FieldFor(steps.Choices[0]), "0")));
        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Set(steps.FieldFor(steps.Choices[0]), "-1")));
        AssertRefused(SubmissionMessages.UnknownChoice, Read(PaperForm.Blank(Paper).Set(concepts.FieldFor(concepts.Choices[0]), concepts.Choices[1].Token)));
    }

    [Theory]
    [InlineData("q1")]
    [InlineData("q3")]
    public void Two_values_for_a_one_answer_question_refuse_the_form(string field)
    {
        var q = Paper.ByNumber(int.Parse(field[1..], System.Globalization.CultureInfo.InvariantCulture))!;

        AssertRefused(SubmissionMessages.TooManyValues, Read(PaperForm.Blank(Paper).Set(field, q.Choices[0].Token, q.Choices[1].Token)));
    }

    [Fact]
    public void Two_values_for_a_text_or_a_select_refuse_the_form()
    {
        var steps = Paper.ByNumber(5)!;

        AssertRefused(SubmissionMessages.TooManyValues, Read(PaperForm.Blank(Paper).Set("q4", "субботник", "сенбілік")));
        AssertRefused(SubmissionMessages.TooManyValues, Read(PaperForm.Blank(Paper).Set(steps.FieldFor(steps.Choices[0]), "1", "2")));
    }

    [Fact]
    public void The_same_checkbox_twice_refuses_the_form()
    {
        var token = Paper.ByNumber(2)!.Choices[0].Token;

        AssertRefused(SubmissionMessages.TooManyValues, Read(PaperForm.Blank(Paper).Set("q2", token, token)));
    }

    [Fact]
    public void A_missing_text_field_refuses_the_form() =>
        AssertRefused(SubmissionMessages.MissingField, Read(PaperForm.Blank(Paper).Remove("q4")));

    [Theory]
    [InlineData(5, 0)]
    [InlineData(5, 3)]
    [InlineData(6, 0)]
    [InlineData(6, 2)]
    public void A_missing_select_of_an_ordering_or_a_matching_refuses_the_form(int number, int item)
    {
        var q = Paper.ByNumber(number)!;

        AssertRefused(SubmissionMessages.MissingField, Read(PaperForm.Blank(Paper).AllRight().Remove(q.FieldFor(q.Choices[item]))));
    }

    [Fact]
    public void A_short_answer_longer_than_the_limit_refuses_the_form_and_names_the_limit()
    {
        var reading = Read(PaperForm.Blank(Paper).Text("term", new string('я', QuizForm.MaxTextLength + 1)));

        AssertRefused(SubmissionMessages.AnswerTooLong, reading);
        Assert.Equal([QuizForm.MaxTextLength], reading.Arguments);
    }

    [Fact]
    public void A_short_answer_of_exactly_the_limit_is_read() =>
        Assert.Equal(QuizForm.MaxTextLength, ReadOne(PaperForm.Blank(Paper).Text("term", new string('я', QuizForm.MaxTextLength)), "term").Text!.Length);

    [Fact]
    public void Fields_of_a_locked_question_refuse_the_form_and_its_answer_is_not_read()
    {
        var open = new HashSet<int> { 2, 3, 4, 5, 6 };

        AssertRefused(SubmissionMessages.UnknownField, Read(PaperForm.Blank(Paper).Choose("definition", "volunteer"), open));
        var withoutIt = Read(PaperForm.Blank(Paper, "definition").Right("money"), open);
        Assert.Null(withoutIt.Problem);
        Assert.False(withoutIt.Answers.ContainsKey("definition"));
        Assert.False(withoutIt.Answers["money"].Flag);
    }

    [Fact]
    public void Fields_of_a_locked_ordering_refuse_the_form()
    {
        var open = new HashSet<int> { 1, 2, 3, 4, 6 };

        AssertRefused(SubmissionMessages.UnknownField, Read(PaperForm.Blank(Paper), open));
        Assert.Null(Read(PaperForm.Blank(Paper, "steps"), open).Problem);
    }

    [Fact]
    public void Control_fields_are_not_answers()
    {
        var reading = Read(PaperForm.Blank(Paper).Set("step", "2").Set("check", "1").Set("save", "").Set("finish", "confirm"));

        Assert.Null(reading.Problem);
        Assert.Equal(Paper.Questions.Select(q => q.Question.Id).Order(), reading.Answers.Keys.Order());
    }
}
