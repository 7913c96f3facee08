using System.Diagnostics;
using System.Globalization;
using MyAlmaty.Learn.Quizzes;

// Grading throughput for a 20-question quiz (four of each choice kind, three of the others), measured
// two ways: the grader alone, and everything a submission costs the server apart from the database —
// laying out the attempt's paper from its seed, reading the posted form against it, and grading.
// Run: dotnet run -c Release --project tests/Benchmarks/QuizGrading [-- seconds-per-measurement]

var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var quiz = SampleQuiz.Build();
var paper = QuizPaper.For(quiz, seed: 20261125);
var form = SampleQuiz.RightForm(paper);
var open = paper.Questions.Select(q => q.Number).ToHashSet();
var control = new HashSet<string>(StringComparer.Ordinal) { "step", "finish" };
var answers = QuizForm.Read(paper, open, form, control).Answers;
if (answers.Count != 20) throw new InvalidOperationException("the sample form does not answer 20 questions");
if (quiz.Questions.Any(q => !QuizGrader.Grade(q, answers[q.Id]).Right)) throw new InvalidOperationException("the sample answers are not all right");

Measure("grade 20 answers", () =>
{
    var total = 0.0;
    foreach (var q in quiz.Questions) total += QuizGrader.Grade(q, answers[q.Id]).Score;
    return total;
});
Measure("paper + read form + grade", () =>
{
    var p = QuizPaper.For(quiz, seed: 20261125);
    var read = QuizForm.Read(p, open, form, control);
    var total = 0.0;
    foreach (var q in p.Questions) total += QuizGrader.Grade(q.Question, read.Answers[q.Question.Id]).Score;
    return total;
});

void Measure(string name, Func<double> work)
{
    // Warm-up lets tiered compilation settle before anything is counted.
    var warm = Stopwatch.StartNew();
    while (warm.Elapsed.TotalSeconds < 1) work();
    var runs = new List<double>();
    long allocated = 0, count = 0;
    for (var run = 0; run < 5; run++)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long n = 0;
        while (watch.Elapsed.TotalSeconds < seconds / 5)
        {
            for (var i = 0; i < 100; i++) work();
            n += 100;
        }
        watch.Stop();
        allocated += GC.GetAllocatedBytesForCurrentThread() - before;
        count += n;
        runs.Add(n / watch.Elapsed.TotalSeconds);
    }
    runs.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {runs[2]:N0} quizzes/s | {1e6 / runs[2]:0.0} µs | {runs[0]:N0}–{runs[^1]:N0} | {allocated / (double)count / 1024:0.0} KB |"));
}

internal static class SampleQuiz
{
    public static QuizMetadata Build()
    {
        var questions = new List<QuizQuestion>();
        for (var i = 0; i < 4; i++)
        {
            questions.Add(Choice($"single-{i}", QuestionKind.Single, 4, [1]));
            questions.Add(Choice($"multiple-{i}", QuestionKind.Multiple, 5, [0, 2, 4]));
        }
        for (var i = 0; i < 3; i++)
        {
            questions.Add(new QuizQuestion { Id = $"truefalse-{i}", Kind = QuestionKind.TrueFalse, Text = $"Утверждение {i}", Answer = i % 2 == 0, Explanation = "…" });
            questions.Add(new QuizQuestion { Id = $"text-{i}", Kind = QuestionKind.Text, Text = $"Слово {i}", Answers = ["субботник", "сенбілік", "общий субботник"], Explanation = "…" });
            questions.Add(new QuizQuestion { Id = $"order-{i}", Kind = QuestionKind.Order, Text = $"Порядок {i}", Items = ["Заметить проблему", "Найти соседей", "Договориться", "Сделать", "Рассказать"], Explanation = "…" });
            questions.Add(new QuizQuestion { Id = $"match-{i}", Kind = QuestionKind.Match, Text = $"Пары {i}", Left = ["А", "Б", "В", "Г"], Right = ["а", "б", "в", "г"], Explanation = "…" });
        }
        return new QuizMetadata { Questions = questions.Take(20).ToList() };
    }

    private static QuizQuestion Choice(string id, QuestionKind kind, int count, int[] correct) => new()
    {
        Id = id,
        Kind = kind,
        Text = id,
        Options = Enumerable.Range(0, count).Select(i => new QuizOption { Id = $"o{i}", Text = $"Вариант {i}", Correct = correct.Contains(i), Explanation = "…" }).ToList(),
    };

    /// <summary>The form a browser would post with every answer right (text typed in Kazakh Latin, to exercise the folding).</summary>
    public static Dictionary<string, IReadOnlyList<string>> RightForm(QuizPaper paper)
    {
        var form = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["step"] = ["0"], ["finish"] = ["1"] };
        foreach (var q in paper.Questions)
        {
            var question = q.Question;
            switch (question.Kind)
            {
                case QuestionKind.Single or QuestionKind.Multiple:
                    form[q.Field] = q.Choices.Where(c => question.Options[c.Index].Correct).Select(c => c.Token).ToList();
                    break;
                case QuestionKind.TrueFalse:
                    form[q.Field] = [q.Choices.Single(c => (c.Index == 1) == question.Answer).Token];
                    break;
                case QuestionKind.Text:
                    form[q.Field] = ["  Senbilik! "];
                    break;
                case QuestionKind.Order:
                    foreach (var c in q.Choices) form[q.FieldFor(c)] = [(c.Index + 1).ToString(CultureInfo.InvariantCulture)];
                    break;
                case QuestionKind.Match:
                    foreach (var c in q.Choices) form[q.FieldFor(c)] = [q.Targets.Single(t => t.Index == c.Index).Token];
                    break;
            }
        }
        return form;
    }
}
