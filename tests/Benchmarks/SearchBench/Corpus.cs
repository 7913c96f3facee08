using System.Text;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search.Analysis;
using MyAlmaty.Learn.Tests.Search;

namespace SearchBench;

/// <summary>A word with its forms: the forms written in documents, and the forms only queries use.</summary>
internal sealed class Lemma
{
    public required int Id { get; init; }
    public required string Culture { get; init; }
    public required string[] Indexed { get; init; }
    public required string[] Held { get; init; }

    /// <summary>Its place in the language's frequency list (0 = the most frequent word).</summary>
    public int Rank { get; set; }

    /// <summary>Cumulative weights of <see cref="Indexed"/>: the dictionary form is the most common.</summary>
    public required double[] FormCumulative { get; init; }

    /// <summary>The documents (numbers, ascending) that contain any of its forms: the ground truth.</summary>
    public List<int> Documents { get; } = [];

    public string Pick(Random random) => Indexed[Corpus.Find(FormCumulative, random.NextDouble())];
}

/// <summary>The vocabulary of one language in frequency order, each entry a lemma or a single word.</summary>
internal sealed class Language
{
    public required string Culture { get; init; }
    public required List<Lemma> Lemmas { get; init; }
    public required string[] Words { get; init; }
    public required int[] LemmaAt { get; init; }
    public required double[] Cumulative { get; init; }
    public int TailWords { get; init; }
    public int DroppedTailWords { get; init; }
    public int DroppedForms { get; init; }
}

internal sealed record CorpusStats(int Documents, int Russian, int Kazakh, double Words, double TitleWords, double Characters);

internal sealed record BenchDocument(int Number, string Culture, string ContentType, string Title, string Text, int[] Lemmas)
{
    public string Key => $"bench-{Number:D6}";
}

/// <summary>
/// A query as a reader types it. <see cref="Relevant"/> are the documents that contain some form of
/// every lemma of the query: the ground truth, whatever the search engine does.
/// </summary>
/// <remarks>
/// <see cref="SeenText"/> is the control: the same lemmas in the form documents use most, written
/// the same way (script, keyboard, capital), for an engine without stemming to find something.
/// </remarks>
internal sealed record BenchQuery(int Number, string Culture, string Kind, string Text, string SeenText, Lemma[] Lemmas, int[] Relevant);

/// <summary>
/// A deterministic corpus of Russian and Kazakh documents. The vocabulary of each language is its
/// word-form groups (lemmas with their case and number forms, from the analysis tests) and every
/// other word of the site's own content (<c>words.*.txt</c>), in one frequency list drawn from with
/// Zipf's law (the k-th word about 1/k as frequent as the first). The lemmas are spread over the
/// list from very frequent to rare. Of each lemma one or two forms never appear in documents:
/// queries use those, so a query finds its documents only if analysis merges the forms.
/// </summary>
internal sealed class Corpus
{
    public const double ZipfExponent = 1.0;

    /// <summary>The lemmas are put at ranks spread geometrically between these two.</summary>
    public const int FirstLemmaRank = 5, LastLemmaRank = 3000;

    private static readonly (string Type, double Share)[] Types =
    [
        (ContentTypeNames.Lesson, 0.45), (ContentTypeNames.GlossaryTerm, 0.15), (ContentTypeNames.SessionSummary, 0.15),
        (ContentTypeNames.Page, 0.15), (ContentTypeNames.Course, 0.10),
    ];

    public required Dictionary<string, Language> Languages { get; init; }

    /// <summary>Empty after <see cref="ReleaseDocuments"/>.</summary>
    public required BenchDocument[] Documents { get; set; }

    public required CorpusStats Stats { get; init; }
    public required BenchQuery[] Queries { get; init; }
    public int Seed { get; init; }

    public static Corpus Build(int seed, int documents, int queriesPerLanguage, string wordsFolder)
    {
        var lemmaIds = 0;
        var languages = new Dictionary<string, Language>
        {
            ["ru"] = BuildLanguage("ru", WordFormGroups.Russian, wordsFolder, seed, ref lemmaIds),
            ["kk"] = BuildLanguage("kk", WordFormGroups.Kazakh.ToArray(), wordsFolder, seed, ref lemmaIds),
        };

        // Each document from its own seed: the same corpus whatever the number of threads.
        var docs = new BenchDocument[documents];
        Parallel.For(0, documents, n =>
        {
            var random = new Random(unchecked(seed * 1_000_003 + n));
            var culture = random.NextDouble() < 0.5 ? "ru" : "kk";
            docs[n] = Document(n, languages[culture], random);
        });
        foreach (var doc in docs)
        {
            var language = languages[doc.Culture];
            foreach (var lemma in doc.Lemmas) language.Lemmas[lemma].Documents.Add(doc.Number);
        }

        var queries = new List<BenchQuery>();
        var queryRandom = new Random(seed + 77);
        foreach (var culture in new[] { "ru", "kk" })
        {
            for (var i = 0; i < queriesPerLanguage; i++)
            {
                var kind = culture == "ru" ? "ru" : (i % 5) switch { 3 => "kk-latin", 4 => "kk-keyboard", _ => "kk" };
                queries.Add(Query(queries.Count, languages[culture], kind, queryRandom));
            }
        }
        var stats = new CorpusStats(docs.Length, docs.Count(d => d.Culture == "ru"), docs.Count(d => d.Culture == "kk"),
            docs.Average(d => d.Text.Count(c => c == ' ' || c == '\n') + 1.0), docs.Average(d => d.Title.Count(c => c == ' ') + 1.0),
            docs.Average(d => d.Text.Length + d.Title.Length));
        return new Corpus { Languages = languages, Documents = docs, Queries = [.. queries], Seed = seed, Stats = stats };
    }

    /// <summary>
    /// Lets the documents' text go once both engines have indexed it, so that queries are timed in a
    /// process about as small as the site (a heap of several hundred MB makes every collection slower).
    /// </summary>
    public void ReleaseDocuments()
    {
        Documents = [];
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static Language BuildLanguage(string culture, string[][] groups, string wordsFolder, int seed, ref int lemmaIds)
    {
        var random = new Random(seed + (culture == "ru" ? 1 : 2));
        using var analyzer = SearchAnalyzers.Create(culture, forQuery: false);

        // A form listed in two groups belongs to the first.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lemmas = new List<Lemma>();
        var droppedForms = 0;
        foreach (var group in groups)
        {
            var forms = group.Select(f => f.ToLowerInvariant()).Where(seen.Add).ToArray();
            droppedForms += group.Length - forms.Length;
            if (forms.Length == 0) continue;
            var held = forms.Length >= 5 ? 2 : forms.Length >= 3 ? 1 : 0;
            var heldAt = Enumerable.Range(0, forms.Length).OrderBy(_ => random.Next()).Take(held).ToHashSet();
            var indexed = Enumerable.Range(0, forms.Length).Where(i => !heldAt.Contains(i)).ToArray();
            var weights = indexed.Select(i => 1.0 / (i + 1)).ToArray();
            lemmas.Add(new Lemma
            {
                Id = lemmaIds++,
                Culture = culture,
                Indexed = [.. indexed.Select(i => forms[i])],
                Held = [.. heldAt.Order().Select(i => forms[i])],
                FormCumulative = Cumulative(weights),
            });
        }

        // The other words of the site's content, without the lemmas' forms and without words the
        // analyzer files under the same term as one of them (unlisted forms of a lemma), so that the
        // ground truth is exactly "contains a listed form".
        var lemmaTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in lemmas.SelectMany(l => l.Indexed.Concat(l.Held)))
        {
            foreach (var term in SearchAnalyzers.Terms(analyzer, form)) lemmaTerms.Add(term);
        }
        var tail = new List<string>();
        var dropped = 0;
        foreach (var line in File.ReadLines(Path.Combine(wordsFolder, $"words.{culture}.txt")))
        {
            if (line.StartsWith('#') || line.Length == 0) continue;
            var word = line.Split('\t')[0];
            if (seen.Contains(word) || seen.Contains(word.Replace('ё', 'е')) || SearchAnalyzers.Terms(analyzer, word).Any(lemmaTerms.Contains))
            {
                dropped++;
                continue;
            }
            tail.Add(word);
        }

        // Lemmas at ranks from very frequent to rare, in a random order; the tail fills the rest in its own order.
        var total = tail.Count + lemmas.Count;
        var order = lemmas.OrderBy(_ => random.Next()).ToList();
        var lemmaAt = Enumerable.Repeat(-1, total).ToArray();
        for (var i = 0; i < order.Count; i++)
        {
            var rank = (int)Math.Round(FirstLemmaRank * Math.Pow((double)LastLemmaRank / FirstLemmaRank, i / (double)(order.Count - 1)));
            while (lemmaAt[rank] >= 0) rank++;
            lemmaAt[rank] = lemmas.IndexOf(order[i]);
            order[i].Rank = rank;
        }
        var words = new string[total];
        var next = 0;
        for (var r = 0; r < total; r++)
        {
            if (lemmaAt[r] < 0) words[r] = tail[next++];
        }
        var zipf = Enumerable.Range(0, total).Select(r => 1.0 / Math.Pow(r + 1, ZipfExponent)).ToArray();
        return new Language
        {
            Culture = culture,
            Lemmas = lemmas,
            Words = words,
            LemmaAt = lemmaAt,
            Cumulative = Cumulative(zipf),
            TailWords = tail.Count,
            DroppedTailWords = dropped,
            DroppedForms = droppedForms,
        };
    }

    private static BenchDocument Document(int number, Language language, Random random)
    {
        var lemmas = new HashSet<int>();
        var title = new StringBuilder();
        var titleWords = 3 + random.Next(6);
        for (var i = 0; i < titleWords; i++)
        {
            var word = Word(language, random, lemmas);
            title.Append(i == 0 ? Capitalized(word) : " " + word);
        }

        var text = new StringBuilder(1600);
        var target = 180 + random.Next(41);
        var written = 0;
        var sentencesInParagraph = 0;
        while (written < target)
        {
            var length = Math.Min(6 + random.Next(13), Math.Max(3, target - written));
            for (var i = 0; i < length; i++)
            {
                var word = Word(language, random, lemmas);
                text.Append(i == 0 ? Capitalized(word) : word);
                if (i < length - 1) text.Append(random.NextDouble() < 0.08 ? ", " : " ");
            }
            written += length;
            text.Append(random.NextDouble() < 0.05 ? '?' : '.');
            if (++sentencesInParagraph >= 3 + random.Next(3) && written < target)
            {
                text.Append('\n');
                sentencesInParagraph = 0;
            }
            else if (written < target)
            {
                text.Append(' ');
            }
        }

        var pick = random.NextDouble();
        var type = Types[^1].Type;
        foreach (var (t, share) in Types)
        {
            if (pick < share)
            {
                type = t;
                break;
            }
            pick -= share;
        }
        return new BenchDocument(number, language.Culture, type, title.ToString(), text.ToString(), [.. lemmas.Order()]);
    }

    private static string Word(Language language, Random random, HashSet<int> lemmas)
    {
        var rank = Find(language.Cumulative, random.NextDouble());
        var lemma = language.LemmaAt[rank];
        if (lemma < 0) return language.Words[rank];
        lemmas.Add(lemma);
        return language.Lemmas[lemma].Pick(random);
    }

    /// <summary>
    /// One to three lemmas that have forms kept out of the documents (half one word, a third two,
    /// the rest three), each in one of those forms; drawn again until some document has them all.
    /// </summary>
    private static BenchQuery Query(int number, Language language, string kind, Random random)
    {
        var eligible = language.Lemmas.Where(l => l.Held.Length > 0).ToList();
        var pick = random.NextDouble();
        var count = pick < 0.5 ? 1 : pick < 0.85 ? 2 : 3;
        for (var attempt = 0; ; attempt++)
        {
            var chosen = eligible.OrderBy(_ => random.Next()).Take(attempt > 200 ? 1 : count).ToArray();
            var relevant = chosen.Skip(1).Aggregate((IEnumerable<int>)chosen[0].Documents, (acc, l) => Intersect(acc, l.Documents)).ToArray();
            if (relevant.Length == 0) continue;
            var words = chosen.Select(l => l.Held[random.Next(l.Held.Length)]).ToArray();
            var capital = random.NextDouble() < 0.2;
            string Written(string text)
            {
                text = kind switch
                {
                    "kk-latin" => KazakhLatin.ToLatin(text),
                    "kk-keyboard" => new string([.. text.Select(KazakhKeyboard.Fold)]),
                    _ => text,
                };
                // Some start with a capital; in Kazakh Latin the capital of i is İ.
                return !capital ? text : kind == "kk-latin" ? KazakhLatin.ToUpper(text[0]) + text[1..] : Capitalized(text);
            }
            return new BenchQuery(number, language.Culture, kind, Written(string.Join(' ', words)), Written(string.Join(' ', chosen.Select(l => l.Indexed[0]))), chosen, relevant);
        }
    }

    private static IEnumerable<int> Intersect(IEnumerable<int> sorted, List<int> other)
    {
        var set = new HashSet<int>(other);
        return sorted.Where(set.Contains);
    }

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static double[] Cumulative(double[] weights)
    {
        var sum = weights.Sum();
        var cumulative = new double[weights.Length];
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / sum;
            cumulative[i] = running;
        }
        cumulative[^1] = 1.0;
        return cumulative;
    }

    public static int Find(double[] cumulative, double x)
    {
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }
}
