using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Quizzes;

public enum QuizMode
{
    /// <summary>Answer everything, then submit once (Moodle's deferred feedback).</summary>
    Whole,

    /// <summary>Check each question at once, with a hint and another try (Moodle's interactive behaviour).</summary>
    Each,
}

public enum QuestionKind
{
    Single,
    Multiple,
    TrueFalse,
    Text,
    Order,
    Match,
}

public sealed record QuizOption
{
    public string Id { get; init; } = "";
    public string Text { get; init; } = "";
    public bool Correct { get; init; }
    public string Explanation { get; init; } = "";
}

/// <summary>
/// One question as authored. Only the fields of its kind are filled: options for choices, the
/// answer for true/false, accepted answers for text, items in the right order for ordering, and
/// two sides where left[i] goes with right[i] for matching.
/// </summary>
public sealed record QuizQuestion
{
    public string Id { get; init; } = "";
    public QuestionKind Kind { get; init; }
    public string Text { get; init; } = "";
    public string? Hint { get; init; }
    public string? Explanation { get; init; }
    public IReadOnlyList<QuizOption> Options { get; init; } = [];
    public bool? Answer { get; init; }
    public IReadOnlyList<string> Answers { get; init; } = [];
    public IReadOnlyList<string> Items { get; init; } = [];
    public IReadOnlyList<string> Left { get; init; } = [];
    public IReadOnlyList<string> Right { get; init; } = [];
}

public sealed record QuizMetadata : ContentMetadata
{
    public const int DefaultPassPercent = 70;
    public const int DefaultTries = 3;

    public QuizMode Mode { get; init; }
    public int PassPercent { get; init; } = DefaultPassPercent;
    public int? TimeLimitMinutes { get; init; }

    /// <summary>How many questions each attempt draws from the pool; null for all of them.</summary>
    public int? Draw { get; init; }

    /// <summary>Tries per question in <see cref="QuizMode.Each"/>.</summary>
    public int Tries { get; init; } = DefaultTries;

    public bool Shuffle { get; init; } = true;
    public IReadOnlyList<QuizQuestion> Questions { get; init; } = [];

    public int QuestionsPerAttempt => Draw ?? Questions.Count;
}

/// <summary>A quiz: questions in the front matter, an optional introduction in the body.</summary>
public sealed class QuizType : ContentTypeDefinition<QuizMetadata>
{
    public override string Name => ContentTypeNames.Quiz;
    public override string Folder => "quizzes";
    public override string Label => "Quiz";

    private static readonly Dictionary<string, QuestionKind> Kinds = new(StringComparer.Ordinal)
    {
        ["single"] = QuestionKind.Single,
        ["multiple"] = QuestionKind.Multiple,
        ["truefalse"] = QuestionKind.TrueFalse,
        ["text"] = QuestionKind.Text,
        ["order"] = QuestionKind.Order,
        ["match"] = QuestionKind.Match,
    };

    protected override IEnumerable<ContentField> DeclareFields() =>
    [
        new("mode", FieldKind.Choice, "Mode")
        {
            Choices = ["whole", "each"],
            ChoiceMessage = QuizMessages.BadMode,
            Help = "whole: answer everything, then submit; each: check every question at once.",
        },
        new("passPercent", FieldKind.Number, "Pass mark, %") { Min = 1, Max = 100, Help = "70 when empty." },
        new("timeLimitMinutes", FieldKind.Number, "Time limit, minutes") { Min = 1, Max = 600, Help = "No limit when empty." },
        new("draw", FieldKind.Number, "Questions per attempt") { Min = 1, Max = 500, Help = "Each attempt draws this many questions from the pool; all of them when empty." },
        new("tries", FieldKind.Number, "Tries per question") { Min = 1, Max = 5, Help = "In the 'each' mode; 3 when empty." },
        new("shuffle", FieldKind.Flag, "Shuffle") { Help = "Questions and options in a new order for every attempt (yes when empty)." },
        new("questions", FieldKind.Sections, "Questions") { Required = true },
    ];

    /// <summary>The questions are nested blocks the field list cannot read; a draw cannot exceed them.</summary>
    protected override QuizMetadata Complete(QuizMetadata metadata, FrontMatter fm)
    {
        var questions = new List<QuizQuestion>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var section in fm.Sections("questions", required: true) ?? [])
        {
            if (ReadQuestion(section) is not { } question) continue;
            if (ids.TryGetValue(question.Id, out var first)) section.Error("id", QuizMessages.DuplicateQuestionId, question.Id, first);
            else ids[question.Id] = section.LineOf("id") ?? section.Line;
            questions.Add(question);
        }
        if (metadata.Draw > questions.Count && questions.Count > 0) fm.Error("draw", QuizMessages.DrawTooMany, metadata.Draw, questions.Count);
        return metadata with { Questions = questions };
    }

    private static QuizQuestion? ReadQuestion(FrontMatter q)
    {
        var id = q.Text("id", required: true, maxLength: 100);
        if (id is not null && !ContentFileParser.SlugPattern().IsMatch(id)) q.Error("id", QuizMessages.BadId, id);
        var kindName = q.Text("type", required: true);
        QuestionKind? kind = null;
        if (kindName is not null)
        {
            if (Kinds.TryGetValue(kindName, out var k)) kind = k;
            else q.Error("type", QuizMessages.UnknownQuestionType, kindName, string.Join(", ", Kinds.Keys));
        }
        var question = new QuizQuestion
        {
            Id = id ?? "",
            Text = q.Text("text", required: true, maxLength: 1000) ?? "",
            Hint = q.Text("hint", maxLength: 1000),
            Explanation = q.Text("explanation", required: kind is not (null or QuestionKind.Single or QuestionKind.Multiple), maxLength: 2000),
        };
        question = kind switch
        {
            QuestionKind.Single or QuestionKind.Multiple => question with { Kind = kind.Value, Options = ReadOptions(q, kind.Value) },
            QuestionKind.TrueFalse => question with { Kind = kind.Value, Answer = q.Flag("answer", required: true) },
            QuestionKind.Text => question with
            {
                Kind = kind.Value,
                Answers = (q.TextList("answers", required: true, maxLength: 200) ?? []).Select(a => a.Value).ToList(),
            },
            QuestionKind.Order => question with { Kind = kind.Value, Items = ReadOrder(q) },
            QuestionKind.Match => ReadMatch(q, question with { Kind = kind.Value }),
            _ => question,
        };
        return id is null || kind is null ? null : question;
    }

    private static IReadOnlyList<QuizOption> ReadOptions(FrontMatter q, QuestionKind kind)
    {
        var sections = q.Sections("options", required: true);
        if (sections is null) return [];
        var options = new List<QuizOption>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in sections)
        {
            var id = o.Text("id", required: true, maxLength: 100);
            if (id is not null && !ContentFileParser.SlugPattern().IsMatch(id)) o.Error("id", QuizMessages.BadId, id);
            else if (id is not null && !ids.Add(id)) o.Error("id", QuizMessages.DuplicateOptionId, id);
            options.Add(new QuizOption
            {
                Id = id ?? "",
                Text = o.Text("text", required: true, maxLength: 500) ?? "",
                Correct = o.Flag("correct") ?? false,
                Explanation = o.Text("explanation", required: true, maxLength: 1000) ?? "",
            });
        }
        var correct = options.Count(o => o.Correct);
        if (options.Count < 2) q.Error("options", QuizMessages.TooFewOptions);
        else if (correct == 0) q.Error("options", QuizMessages.NoCorrectOption);
        else if (kind == QuestionKind.Single && correct > 1) q.Error("options", QuizMessages.SeveralCorrectOptions, correct);
        return options;
    }

    private static IReadOnlyList<string> ReadOrder(FrontMatter q)
    {
        var items = q.TextList("items", required: true, maxLength: 300);
        if (items is null) return [];
        if (items.Count < 2) q.Error("items", QuizMessages.OrderTooShort);
        ReportRepeats(q, items);
        return items.Select(i => i.Value).ToList();
    }

    private static QuizQuestion ReadMatch(FrontMatter q, QuizQuestion question)
    {
        var left = q.TextList("left", required: true, maxLength: 300);
        var right = q.TextList("right", required: true, maxLength: 500);
        if (left is null || right is null) return question;
        if (left.Count != right.Count) q.Error("right", QuizMessages.MatchUnequal, left.Count, right.Count);
        else if (left.Count < 2) q.Error("left", QuizMessages.MatchTooShort);
        ReportRepeats(q, left);
        ReportRepeats(q, right);
        return question with { Left = left.Select(l => l.Value).ToList(), Right = right.Select(r => r.Value).ToList() };
    }

    /// <summary>Two identical items could not be told apart on the page.</summary>
    private static void ReportRepeats(FrontMatter q, IReadOnlyList<(string Value, int Line)> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, line) in items)
        {
            if (!seen.Add(value)) q.ErrorAt(line, QuizMessages.RepeatedItem, value);
        }
    }
}
