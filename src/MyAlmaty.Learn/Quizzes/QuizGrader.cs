namespace MyAlmaty.Learn.Quizzes;

/// <summary>
/// A learner's answer to one question. Only the part of its kind is set: the chosen option ids
/// (single, multiple), a flag (true/false), the text (short answer), or for ordering the place
/// given to each item and for matching the right-hand index given to each left-hand one, in the
/// authored order (null where the learner chose nothing).
/// </summary>
public sealed record QuestionAnswer
{
    public IReadOnlyList<string>? Chosen { get; init; }
    public bool? Flag { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<int?>? Places { get; init; }

    public bool IsEmpty =>
        (Chosen is null || Chosen.Count == 0) && Flag is null && string.IsNullOrWhiteSpace(Text) && (Places is null || Places.All(p => p is null));

    /// <summary>Whether every part of the question was answered (an ordering with every place given, …).</summary>
    public bool IsComplete => !IsEmpty && (Places is null || Places.All(p => p is not null));
}

/// <summary>The points one answer earns, from 0 to 1; <see cref="Right"/> only when fully right.</summary>
public readonly record struct Mark(double Score, bool Right)
{
    public static readonly Mark Wrong = new(0, false);
}

/// <summary>Grades answers against the authored question. Runs on the server only.</summary>
public static class QuizGrader
{
    public static Mark Grade(QuizQuestion question, QuestionAnswer? answer)
    {
        if (answer is null || answer.IsEmpty) return Mark.Wrong;
        return question.Kind switch
        {
            QuestionKind.Single => answer.Chosen is [var id] && question.Options.Any(o => o.Id == id && o.Correct) ? new Mark(1, true) : Mark.Wrong,
            QuestionKind.Multiple => Multiple(question, answer.Chosen ?? []),
            QuestionKind.TrueFalse => answer.Flag is { } flag && flag == question.Answer ? new Mark(1, true) : Mark.Wrong,
            QuestionKind.Text => answer.Text is { } text && AnswerNormalizer.Matches(text, question.Answers) ? new Mark(1, true) : Mark.Wrong,
            QuestionKind.Order => Places(question.Items.Count, answer.Places),
            QuestionKind.Match => Places(question.Left.Count, answer.Places),
            _ => Mark.Wrong,
        };
    }

    /// <summary>Each right pick earns its share; each wrong pick takes one back; never below zero.</summary>
    private static Mark Multiple(QuizQuestion question, IReadOnlyList<string> chosen)
    {
        var correct = question.Options.Where(o => o.Correct).Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var picked = chosen.ToHashSet(StringComparer.Ordinal);
        var hits = picked.Count(correct.Contains);
        var misses = picked.Count - hits;
        var score = Math.Max(0, (hits - misses) / (double)correct.Count);
        return new Mark(score, picked.SetEquals(correct));
    }

    /// <summary>Item i belongs at place i (ordering) or with right-hand i (matching); each one placed right earns its share.</summary>
    private static Mark Places(int count, IReadOnlyList<int?>? places)
    {
        if (places is null || places.Count != count || count == 0) return Mark.Wrong;
        var right = 0;
        for (var i = 0; i < count; i++)
        {
            if (places[i] == i) right++;
        }
        return new Mark(right / (double)count, right == count);
    }
}
