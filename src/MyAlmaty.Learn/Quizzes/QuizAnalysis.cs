namespace MyAlmaty.Learn.Quizzes;

/// <summary>How one question fared: how often it was drawn, answered right, and the wrong answer given most.</summary>
public sealed record QuestionStatistics(int Number, string Id, string Text, string Kind, int Shown, int Right, int Percent, string? TopWrong, int TopWrongCount);

/// <summary>Item analysis of a quiz for facilitators and editors: what did not land.</summary>
public sealed record QuizAnalysis(int Attempts, int Passed, int PassRate, int AveragePercent, IReadOnlyList<QuestionStatistics> Questions)
{
    /// <param name="quiz">The quiz in the reader's language: questions are matched by id, so attempts in both languages count.</param>
    /// <param name="flagLabel">The words for true and false in the reader's language.</param>
    public static QuizAnalysis Of(QuizMetadata quiz, IReadOnlyList<QuizAttempt> finished, Func<bool, string> flagLabel)
    {
        var states = finished.Select(a => a.ReadState()).ToList();
        var questions = quiz.Questions.Select((q, i) =>
        {
            var shown = 0;
            var right = 0;
            var wrong = new Dictionary<string, (string Label, int Count)>(StringComparer.Ordinal);
            foreach (var state in states)
            {
                if (!state.Questions.TryGetValue(q.Id, out var s) || !s.Locked) continue;
                shown++;
                if (s.Right)
                {
                    right++;
                    continue;
                }
                foreach (var (key, label) in WrongParts(q, s.Answer, flagLabel))
                {
                    wrong[key] = (wrong.TryGetValue(key, out var w) ? w.Label : label, w.Count + 1);
                }
            }
            var top = wrong.Values.OrderByDescending(w => w.Count).ThenBy(w => w.Label, StringComparer.Ordinal).FirstOrDefault();
            return new QuestionStatistics(i + 1, q.Id, q.Text, q.Kind.ToString().ToLowerInvariant(), shown, right, Share(right, shown), top.Label, top.Count);
        }).ToList();
        var passed = finished.Count(a => a.Passed);
        var average = finished.Count == 0 ? 0 : (int)Math.Round(finished.Average(a => a.Percent));
        return new QuizAnalysis(finished.Count, passed, Share(passed, finished.Count), average, questions);
    }

    private static int Share(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);

    /// <summary>The parts of a wrong answer worth counting, each with a key and a label in the reader's language.</summary>
    private static IEnumerable<(string Key, string Label)> WrongParts(QuizQuestion q, QuestionAnswer? answer, Func<bool, string> flagLabel)
    {
        if (answer is null || answer.IsEmpty)
        {
            yield return ("", "—");
            yield break;
        }
        switch (q.Kind)
        {
            case QuestionKind.Single or QuestionKind.Multiple:
                foreach (var option in q.Options.Where(o => !o.Correct && answer.Chosen?.Contains(o.Id) == true)) yield return (option.Id, option.Text);
                break;
            case QuestionKind.TrueFalse when answer.Flag is { } flag:
                yield return (flag ? "true" : "false", flagLabel(flag));
                break;
            case QuestionKind.Text when answer.Text is { } text:
                yield return (AnswerNormalizer.Fold(text), text);
                break;
            case QuestionKind.Order when answer.Places is { } places:
                var order = places.Select((p, i) => (Place: p ?? int.MaxValue, i)).OrderBy(x => x.Place).Select(x => q.Items[x.i]);
                var label = string.Join(" → ", order);
                yield return (label, label);
                break;
            case QuestionKind.Match when answer.Places is { } pairs:
                for (var i = 0; i < pairs.Count && i < q.Left.Count; i++)
                {
                    if (pairs[i] is { } r && r != i && r < q.Right.Count) yield return ($"{i}:{r}", $"{q.Left[i]} — {q.Right[r]}");
                }
                break;
        }
    }
}
