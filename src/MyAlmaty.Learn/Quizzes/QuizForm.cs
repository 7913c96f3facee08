using System.Globalization;

namespace MyAlmaty.Learn.Quizzes;

/// <summary>Why a submitted form was refused: an English msgid translated in ru.po and kk.po.</summary>
public static class SubmissionMessages
{
    public const string UnknownField = "The form has a field this attempt does not have. Reload the quiz and answer again.";
    public const string MissingField = "The form lacks a field of this attempt. Reload the quiz and answer again.";
    public const string UnknownChoice = "The form names an answer this question does not have. Reload the quiz and answer again.";
    public const string TooManyValues = "The form gives several answers where one is expected. Reload the quiz and answer again.";
    public const string AnswerTooLong = "The answer is longer than {0} characters.";
    public const string Finished = "This attempt is already finished: its answers cannot be changed. Start a new attempt to try again.";
    public const string Stale = "This page is out of date: the attempt was changed in another tab or window. Reload it to see where you are.";
    public const string TimeUp = "The time for this attempt ran out at {0}; answers sent later are not accepted. Start a new attempt.";
    public const string NotCheckable = "This question cannot be checked now: it is already answered or the quiz has no checking of single questions.";
    public const string CheckUnanswered = "Question {0} has no answer yet: answer it, then check it.";
    public const string Unanswered = "Not answered yet: questions {0}. Answer them, or finish the quiz as it is.";
}

/// <summary>The answers a form gives, or the reason it was refused.</summary>
public sealed record FormReading(IReadOnlyDictionary<string, QuestionAnswer> Answers, string? Problem, object?[] Arguments)
{
    public static FormReading Refused(string problem, params object?[] arguments) => new(new Dictionary<string, QuestionAnswer>(), problem, arguments);
}

/// <summary>
/// Reads a posted quiz form against the attempt's paper. Anything the paper does not expect — a
/// field it has no question for, an option token it did not hand out, several values where one
/// is expected, a missing select — refuses the whole form; an unanswered question is not a fault.
/// </summary>
public static class QuizForm
{
    public const int MaxTextLength = 500;

    /// <param name="open">The question numbers that take answers now (those not yet locked).</param>
    /// <param name="control">Fields of the form that are not answers (token, step, buttons).</param>
    public static FormReading Read(QuizPaper paper, IReadOnlySet<int> open, IReadOnlyDictionary<string, IReadOnlyList<string>> fields, IReadOnlySet<string> control)
    {
        var expected = new HashSet<string>(control, StringComparer.Ordinal);
        var answers = new Dictionary<string, QuestionAnswer>(StringComparer.Ordinal);
        foreach (var q in paper.Questions.Where(q => open.Contains(q.Number)))
        {
            var (answer, problem, arguments) = ReadQuestion(q, fields, expected);
            if (problem is not null) return FormReading.Refused(problem, arguments);
            answers[q.Question.Id] = answer!;
        }
        if (fields.Keys.Any(f => !expected.Contains(f))) return FormReading.Refused(SubmissionMessages.UnknownField);
        return new FormReading(answers, null, []);
    }

    private static (QuestionAnswer? Answer, string? Problem, object?[] Arguments) ReadQuestion(
        PaperQuestion q, IReadOnlyDictionary<string, IReadOnlyList<string>> fields, HashSet<string> expected)
    {
        IReadOnlyList<string> Values(string field)
        {
            expected.Add(field);
            return fields.TryGetValue(field, out var v) ? v : [];
        }

        switch (q.Question.Kind)
        {
            case QuestionKind.Single or QuestionKind.TrueFalse:
            {
                var values = Values(q.Field);
                if (values.Count > 1) return (null, SubmissionMessages.TooManyValues, []);
                if (values.Count == 0 || values[0].Length == 0) return (new QuestionAnswer(), null, []);
                if (q.Choices.FirstOrDefault(c => c.Token == values[0]) is not { } choice) return (null, SubmissionMessages.UnknownChoice, []);
                return q.Question.Kind == QuestionKind.TrueFalse
                    ? (new QuestionAnswer { Flag = choice.Index == 1 }, null, [])
                    : (new QuestionAnswer { Chosen = [q.Question.Options[choice.Index].Id] }, null, []);
            }
            case QuestionKind.Multiple:
            {
                var values = Values(q.Field);
                var chosen = new List<string>();
                foreach (var value in values)
                {
                    if (q.Choices.FirstOrDefault(c => c.Token == value) is not { } choice) return (null, SubmissionMessages.UnknownChoice, []);
                    var id = q.Question.Options[choice.Index].Id;
                    if (chosen.Contains(id)) return (null, SubmissionMessages.TooManyValues, []);
                    chosen.Add(id);
                }
                return (new QuestionAnswer { Chosen = chosen }, null, []);
            }
            case QuestionKind.Text:
            {
                if (!fields.ContainsKey(q.Field)) return (null, SubmissionMessages.MissingField, []);
                var values = Values(q.Field);
                if (values.Count > 1) return (null, SubmissionMessages.TooManyValues, []);
                if (values[0].Length > MaxTextLength) return (null, SubmissionMessages.AnswerTooLong, [MaxTextLength]);
                return (new QuestionAnswer { Text = values[0].Trim() }, null, []);
            }
            case QuestionKind.Order or QuestionKind.Match:
            {
                var places = new int?[q.Choices.Count];
                foreach (var item in q.Choices)
                {
                    var field = q.FieldFor(item);
                    if (!fields.ContainsKey(field)) return (null, SubmissionMessages.MissingField, []);
                    var values = Values(field);
                    if (values.Count > 1) return (null, SubmissionMessages.TooManyValues, []);
                    if (values[0].Length == 0) continue;
                    int? place = q.Question.Kind == QuestionKind.Order
                        ? int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= q.Choices.Count ? n - 1 : null
                        : q.Targets.FirstOrDefault(t => t.Token == values[0])?.Index;
                    if (place is null) return (null, SubmissionMessages.UnknownChoice, []);
                    places[item.Index] = place;
                }
                return (new QuestionAnswer { Places = places }, null, []);
            }
            default:
                return (null, SubmissionMessages.UnknownField, []);
        }
    }
}
