using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MyAlmaty.Learn.Quizzes;

/// <summary>
/// Something a learner picks or places: an option, a true/false choice, an item to order, or a
/// side of a matching pair. <see cref="Index"/> is its place in the authored list (for true/false,
/// 1 is «true»); <see cref="Token"/> is what the page sends, derived from the attempt's seed and
/// that index only, never from whether it is right.
/// </summary>
public sealed record PaperChoice(string Token, int Index, string Text);

/// <summary>One question as one attempt shows it.</summary>
public sealed record PaperQuestion(int Number, QuizQuestion Question, IReadOnlyList<PaperChoice> Choices, IReadOnlyList<PaperChoice> Targets)
{
    /// <summary>The form field of the question; orderings and matchings add the item's token.</summary>
    public string Field => $"q{Number}";

    public string FieldFor(PaperChoice item) => $"q{Number}-{item.Token}";
}

/// <summary>
/// What one attempt shows: the questions drawn from the pool, and the options, items and
/// definitions in shuffled order. Everything follows from the attempt's seed, so a reload
/// shows the same paper and the server can read the answers back.
/// </summary>
public sealed class QuizPaper
{
    private QuizPaper(IReadOnlyList<PaperQuestion> questions) => Questions = questions;

    public IReadOnlyList<PaperQuestion> Questions { get; }

    public PaperQuestion? ByNumber(int number) => number >= 1 && number <= Questions.Count ? Questions[number - 1] : null;

    public static QuizPaper For(QuizMetadata quiz, long seed)
    {
        var pool = Enumerable.Range(0, quiz.Questions.Count).ToArray();
        var count = Math.Min(quiz.QuestionsPerAttempt, pool.Length);
        if (count < pool.Length) Shuffle(pool, Random(seed, "draw"));
        // The drawn questions keep the author's order: it usually follows the lesson.
        var drawn = pool[..count].Order().Select(i => quiz.Questions[i]).ToList();
        return new QuizPaper(drawn.Select((q, i) => Lay(quiz, q, i + 1, seed)).ToList());
    }

    private static PaperQuestion Lay(QuizMetadata quiz, QuizQuestion q, int number, long seed)
    {
        var tokens = new Tokens(seed, q.Id);
        switch (q.Kind)
        {
            case QuestionKind.Single or QuestionKind.Multiple:
                var options = q.Options.Select((o, i) => new PaperChoice(tokens.For("o", i), i, o.Text)).ToArray();
                if (quiz.Shuffle) Shuffle(options, Random(seed, q.Id));
                return new PaperQuestion(number, q, options, []);
            case QuestionKind.TrueFalse:
                return new PaperQuestion(number, q, [new PaperChoice(tokens.For("b", 1), 1, "true"), new PaperChoice(tokens.For("b", 0), 0, "false")], []);
            case QuestionKind.Order:
                var items = q.Items.Select((t, i) => new PaperChoice(tokens.For("i", i), i, t)).ToArray();
                // Always shuffled, and never shown already in order: that would give the answer away.
                Shuffle(items, Random(seed, q.Id));
                if (items.Select(i => i.Index).SequenceEqual(Enumerable.Range(0, items.Length))) items = [.. items[1..], items[0]];
                return new PaperQuestion(number, q, items, []);
            case QuestionKind.Match:
                var left = q.Left.Select((t, i) => new PaperChoice(tokens.For("l", i), i, t)).ToArray();
                var right = q.Right.Select((t, i) => new PaperChoice(tokens.For("r", i), i, t)).ToArray();
                Shuffle(left, Random(seed, q.Id + "/left"));
                Shuffle(right, Random(seed, q.Id + "/right"));
                return new PaperQuestion(number, q, left, right);
            default:
                return new PaperQuestion(number, q, [], []);
        }
    }

    private static void Shuffle<T>(T[] items, Random random)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A generator fixed by the seed and a purpose (string hashes differ between processes, so SHA-256).</summary>
    private static Random Random(long seed, string purpose) => new(BinaryPrimitives.ReadInt32LittleEndian(Hash(seed, purpose)));

    private static byte[] Hash(long seed, string text) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{seed}:{text}")));

    /// <summary>Short opaque tokens, unique within a question.</summary>
    private sealed class Tokens(long seed, string questionId)
    {
        private const string Alphabet = "abcdefghjkmnpqrstvwxyz23456789";
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public string For(string kind, int index)
        {
            var hash = Hash(seed, $"{questionId}/{kind}/{index}");
            for (var length = 6; length <= hash.Length; length++)
            {
                var token = new string(hash.Take(length).Select(b => Alphabet[b % Alphabet.Length]).ToArray());
                if (_used.Add(token)) return token;
            }
            throw new InvalidOperationException("Two items of one question hash alike over 32 bytes.");
        }
    }
}
