using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search;
using MyAlmaty.Learn.Search.Analysis;
using MyAlmaty.Learn.Search.Indexing;
using MyAlmaty.Learn.Search.Querying;
using MyAlmaty.Learn.Tests.Support;
using Xunit.Abstractions;
using LuceneRussianAnalyzer = Lucene.Net.Analysis.Ru.RussianAnalyzer;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>One result as the metrics see it.</summary>
internal sealed record RankedHit(string ContentType, string Key, string Title)
{
    public bool Is(ExpectedItem item) => ContentType == item.ContentType && Key == item.Key;
}

/// <summary>What one query found in its first ten results.</summary>
internal sealed record QueryOutcome(RelevanceQuery Query, IReadOnlyList<RankedHit> Hits, string Notice)
{
    public const int Depth = 10;

    private IEnumerable<RankedHit> Top => Hits.Take(Depth);

    public IReadOnlyList<ExpectedItem> Missing => [.. Query.Expected.Where(e => !Top.Any(h => h.Is(e)))];

    /// <summary>Share of the expected items in the top ten.</summary>
    public double Recall => (double)(Query.Expected.Count - Missing.Count) / Query.Expected.Count;

    /// <summary>1-based rank of the first expected item in the top ten; 0 when there is none.</summary>
    public int FirstRank => Top.Select((h, i) => (h, i)).Where(x => Query.Expected.Any(x.h.Is)).Select(x => x.i + 1).FirstOrDefault();

    public double ReciprocalRank => FirstRank == 0 ? 0 : 1.0 / FirstRank;

    /// <summary>The query, what was missed, and what was found instead, for a failure message.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"  {Query} [{Query.Group}]");
        if (Query.CyrillicTwin is { } twin) text.Append(CultureInfo.InvariantCulture, $" (Latin of «{twin}»)");
        text.Append(CultureInfo.InvariantCulture, $": recall {Recall:0.00}, first expected at {(FirstRank == 0 ? "—" : FirstRank.ToString(CultureInfo.InvariantCulture))}");
        if (Notice != nameof(SearchNotice.None)) text.Append(CultureInfo.InvariantCulture, $", notice {Notice}");
        text.AppendLine();
        text.Append("    expected: ").AppendJoin(", ", Query.Expected.Select(e => Missing.Contains(e) ? $"{e} (MISSING)" : e.ToString())).AppendLine();
        if (Hits.Count == 0) text.AppendLine("    found nothing");
        for (var i = 0; i < Math.Min(Hits.Count, Depth); i++)
        {
            var hit = Hits[i];
            var mark = Query.Expected.Any(hit.Is) ? "*" : " ";
            text.Append(CultureInfo.InvariantCulture, $"   {mark}{i + 1,2}. {hit.ContentType}/{hit.Key} «{hit.Title}»").AppendLine();
        }
        return text.ToString();
    }
}

/// <summary>Recall@10 and MRR of a group of queries.</summary>
internal sealed record GroupScore(string Name, IReadOnlyList<QueryOutcome> Outcomes)
{
    public double Recall => Outcomes.Count == 0 ? 0 : Outcomes.Average(o => o.Recall);
    public double Mrr => Outcomes.Count == 0 ? 0 : Outcomes.Average(o => o.ReciprocalRank);

    public string Row => string.Create(CultureInfo.InvariantCulture, $"{Name,-34} {Outcomes.Count,7} {Recall,9:0.000} {Mrr,7:0.000}");

    public const string Header = "group                              queries  recall@10     MRR";
}

/// <summary>
/// The relevance set run through the real search service on the shipped site: recall@10 and MRR
/// per group, against the targets of the search issue. A failure lists every query that missed
/// an expected item, with what it found instead.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class RelevanceTests(SiteFixture fixture, ITestOutputHelper output)
{
    private const double Epsilon = 1e-9;

    private SiteSearch Engine => fixture.Site.Services.GetRequiredService<SiteSearch>();

    private QueryOutcome Run(RelevanceQuery query)
    {
        var results = Engine.Search(new SearchRequest { Culture = query.Culture, Text = query.Text, PageSize = QueryOutcome.Depth, Snippets = false });
        return new QueryOutcome(query, [.. results.Hits.Select(h => new RankedHit(h.ContentType, h.TranslationKey, h.Title))], results.Notice.ToString());
    }

    private GroupScore Score(string name, IEnumerable<RelevanceQuery> queries) => new(name, [.. queries.Select(Run)]);

    private static string GroupName(RelevanceGroup group) => group switch
    {
        RelevanceGroup.Russian => "ru",
        RelevanceGroup.Kazakh => "kk (Cyrillic)",
        RelevanceGroup.KazakhLatin => "kk Latin",
        _ => "misspelled",
    };

    /// <summary>Every group, printed as a table, with the Latin queries' Cyrillic twins and the misspelled ones per language.</summary>
    private IReadOnlyDictionary<string, GroupScore> ScoreAllAndPrint()
    {
        var scores = new List<GroupScore>();
        foreach (var group in Enum.GetValues<RelevanceGroup>()) scores.Add(Score(GroupName(group), RelevanceSet.Of(group)));
        var twins = RelevanceSet.KazakhLatin.Select(l => RelevanceSet.Kazakh.Single(k => k.Text == l.CyrillicTwin));
        scores.Add(Score("  the Latin ones' Cyrillic twins", twins));
        scores.Add(Score("  misspelled ru", RelevanceSet.Misspelled.Where(q => q.Culture == "ru")));
        scores.Add(Score("  misspelled kk", RelevanceSet.Misspelled.Where(q => q.Culture == "kk")));

        output.WriteLine(GroupScore.Header);
        foreach (var score in scores) output.WriteLine(score.Row);
        output.WriteLine("");
        var imperfect = scores.Take(4).SelectMany(s => s.Outcomes).Where(o => o.Recall < 1 || o.FirstRank != 1).ToList();
        output.WriteLine(imperfect.Count == 0 ? "Every query found all it expects, the first at rank 1." : "Queries that missed an item or did not rank one first:");
        foreach (var outcome in imperfect) output.WriteLine(outcome.Describe());
        return scores.ToDictionary(s => s.Name);
    }

    private static string Failures(GroupScore score, bool mrrToo)
    {
        var failing = score.Outcomes.Where(o => o.Recall < 1 || (mrrToo && o.FirstRank != 1)).ToList();
        return failing.Count == 0 ? "" : "\n" + string.Concat(failing.Select(o => o.Describe()));
    }

    [Theory]
    [InlineData(RelevanceGroup.Russian)]
    [InlineData(RelevanceGroup.Kazakh)]
    public void Relevance_of_Russian_and_Kazakh_queries_meets_the_targets(RelevanceGroup group)
    {
        var score = ScoreAllAndPrint()[GroupName(group)];

        var recallOk = score.Recall >= 0.9 - Epsilon;
        var mrrOk = score.Mrr >= 0.8 - Epsilon;
        Assert.True(recallOk && mrrOk, string.Create(CultureInfo.InvariantCulture,
            $"{score.Name}: recall@10 {score.Recall:0.000} (target ≥ 0.9), MRR {score.Mrr:0.000} (target ≥ 0.8). Failing queries:{Failures(score, mrrToo: !mrrOk)}"));
    }

    [Fact]
    public void Relevance_of_misspelled_queries_meets_the_recall_target()
    {
        var score = ScoreAllAndPrint()[GroupName(RelevanceGroup.Misspelled)];

        Assert.True(score.Recall >= 0.9 - Epsilon, string.Create(CultureInfo.InvariantCulture,
            $"{score.Name}: recall@10 {score.Recall:0.000} (target ≥ 0.9), MRR {score.Mrr:0.000}. Failing queries:{Failures(score, mrrToo: false)}"));
    }

    [Fact]
    public void Relevance_of_Latin_script_queries_is_within_five_points_of_the_same_queries_in_Cyrillic()
    {
        var scores = ScoreAllAndPrint();
        var latin = scores[GroupName(RelevanceGroup.KazakhLatin)];
        var cyrillic = scores["  the Latin ones' Cyrillic twins"];

        var differing = latin.Outcomes.Zip(cyrillic.Outcomes).Where(p => p.First.Recall != p.Second.Recall)
            .Select(p => p.First.Describe() + p.Second.Describe());
        Assert.True(Math.Abs(latin.Recall - cyrillic.Recall) <= 0.05 + Epsilon, string.Create(CultureInfo.InvariantCulture,
            $"Latin recall@10 {latin.Recall:0.000}, the same queries in Cyrillic {cyrillic.Recall:0.000}: more than 5 points apart. Pairs that differ:\n{string.Concat(differing)}"));
    }

    /// <summary>
    /// The issue asks to choose the Russian stemmer by this set. The shipped public Russian
    /// documents are indexed twice in memory — with the site's analyzer (light stemmer) and with the
    /// same analyzer ending in Lucene's Snowball Russian stemmer — and the Russian queries run on
    /// both the way <see cref="SiteSearch"/> runs them (all words; similar words for missing ones;
    /// then any word). The light stemmer must do at least as well.
    /// </summary>
    [Fact]
    public async Task Russian_stemmer_light_is_at_least_as_good_as_Snowball_on_the_relevance_set()
    {
        var documents = new List<SearchDocument>();
        await using (var scope = fixture.Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var source = scope.ServiceProvider.GetRequiredService<ContentSearchDocuments>();
            await foreach (var page in source.AllAsync(db, "ru", 100, CancellationToken.None)) documents.AddRange(page.Where(d => d.Public));
        }
        Assert.NotEmpty(documents);

        using var light = new RussianSearchAnalyzer();
        using var snowball = new RussianSearchAnalyzer(RussianStemming.Snowball);
        using var lightIndex = new InMemoryIndex(documents, light);
        using var snowballIndex = new InMemoryIndex(documents, snowball);

        var russian = RelevanceSet.Russian;
        var lightScore = new GroupScore("ru, light stemmer (in memory)", [.. russian.Select(lightIndex.Run)]);
        var snowballScore = new GroupScore("ru, Snowball stemmer (in memory)", [.. russian.Select(snowballIndex.Run)]);
        var site = new GroupScore("ru, the site's search", [.. russian.Select(Run)]);
        var typos = RelevanceSet.Misspelled.Where(q => q.Culture == "ru").ToList();
        var lightTypos = new GroupScore("misspelled ru, light (in memory)", [.. typos.Select(lightIndex.Run)]);
        var snowballTypos = new GroupScore("misspelled ru, Snowball (in memory)", [.. typos.Select(snowballIndex.Run)]);

        output.WriteLine(GroupScore.Header);
        foreach (var score in new[] { lightScore, snowballScore, site, lightTypos, snowballTypos }) output.WriteLine(score.Row);
        output.WriteLine("");
        output.WriteLine("Queries the two stemmers score differently (terms: light | Snowball):");
        foreach (var (l, s) in lightScore.Outcomes.Zip(snowballScore.Outcomes).Concat(lightTypos.Outcomes.Zip(snowballTypos.Outcomes)))
        {
            if (l.Recall == s.Recall && l.FirstRank == s.FirstRank) continue;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {l.Query}: light recall {l.Recall:0.00} rank {l.FirstRank}, Snowball recall {s.Recall:0.00} rank {s.FirstRank}; " +
                $"[{string.Join(' ', SearchAnalyzers.Terms(light, l.Query.Text))}] | [{string.Join(' ', SearchAnalyzers.Terms(snowball, l.Query.Text))}]"));
        }

        Assert.True(lightScore.Recall >= snowballScore.Recall - Epsilon && lightScore.Mrr >= snowballScore.Mrr - Epsilon, string.Create(CultureInfo.InvariantCulture,
            $"Snowball does better on the Russian queries: recall@10 {snowballScore.Recall:0.000} vs {lightScore.Recall:0.000}, MRR {snowballScore.Mrr:0.000} vs {lightScore.Mrr:0.000}."));
    }

    /// <summary>Documents indexed in memory with one analyzer, searched the way <see cref="SiteSearch"/> searches.</summary>
    private sealed class InMemoryIndex : IDisposable
    {
        private static readonly string[] Fields = [SearchFields.Title, SearchFields.Text];
        private static readonly Dictionary<string, float> Boosts = new() { [SearchFields.Title] = 3f, [SearchFields.Text] = 1f };

        private readonly RAMDirectory _directory = new();
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;
        private readonly Analyzer _analyzer;

        public InMemoryIndex(IEnumerable<SearchDocument> documents, Analyzer analyzer)
        {
            _analyzer = analyzer;
            using (var writer = new IndexWriter(_directory, new IndexWriterConfig(SearchAnalyzers.Version, analyzer)))
            {
                foreach (var document in documents) writer.AddDocument(document.ToLucene());
                writer.Commit();
            }
            _reader = DirectoryReader.Open(_directory);
            _searcher = new IndexSearcher(_reader);
        }

        public QueryOutcome Run(RelevanceQuery query)
        {
            var (text, _) = SearchInput.Clean(query.Text);
            var notice = SearchNotice.None;
            var typos = new TypoTolerance(_searcher);
            var all = Parse(text, Operator.AND);
            var top = all is null ? null : _searcher.Search(all, QueryOutcome.Depth);
            if (all is not null && top!.TotalHits == 0 && typos.Relax(all) is { } similar && _searcher.Search(similar, QueryOutcome.Depth) is { TotalHits: > 0 } found)
            {
                (top, notice) = (found, SearchNotice.SimilarWords);
            }
            if ((top is null || top.TotalHits == 0) && text.Contains(' ') && Parse(text, Operator.OR) is { } any
                && _searcher.Search(typos.Relax(any) ?? any, QueryOutcome.Depth) is { TotalHits: > 0 } some)
            {
                (top, notice) = (some, SearchNotice.SomeWords);
            }
            List<RankedHit> hits = top is null ? [] : top.ScoreDocs.Select(d => _searcher.Doc(d.Doc))
                .Select(d => new RankedHit(d.Get(SearchFields.Type), d.Get(SearchFields.Key), d.Get(SearchFields.Title))).ToList();
            return new QueryOutcome(query, hits, notice.ToString());
        }

        private Query? Parse(string text, Operator words)
        {
            if (text.Length == 0) return null;
            var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, Fields, _analyzer, Boosts) { DefaultOperator = words };
            var query = parser.Parse(SearchInput.ToSyntax(text));
            return query is null || query is BooleanQuery { Clauses.Count: 0 } ? null : query;
        }

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
        }
    }
}

/// <summary>The relevance set itself: big enough, its Latin queries true spellings of their twins, its items real.</summary>
public sealed class RelevanceSetTests
{
    private static readonly Dictionary<string, string> Folders = new()
    {
        ["Course"] = "courses", ["Lesson"] = "lessons", ["GlossaryTerm"] = "glossary", ["SessionSummary"] = "summaries", ["Page"] = "pages",
    };

    [Fact]
    public void Relevance_set_has_the_queries_the_issue_asks_for()
    {
        Assert.True(RelevanceSet.Russian.Count >= 40, $"{RelevanceSet.Russian.Count} Russian queries");
        Assert.True(RelevanceSet.Kazakh.Count >= 40, $"{RelevanceSet.Kazakh.Count} Kazakh queries");
        Assert.Equal(10, RelevanceSet.KazakhLatin.Count);
        Assert.True(RelevanceSet.Misspelled.Count >= 10, $"{RelevanceSet.Misspelled.Count} misspelled queries");
        Assert.Contains(RelevanceSet.Misspelled, q => q.Culture == "ru");
        Assert.Contains(RelevanceSet.Misspelled, q => q.Culture == "kk");
        Assert.All(RelevanceSet.All, q => Assert.InRange(q.Expected.Count, 1, 3));
        Assert.All(RelevanceSet.All, q => Assert.Equal(q.Expected.Count, q.Expected.Distinct().Count()));
        foreach (var group in Enum.GetValues<RelevanceGroup>())
        {
            var texts = RelevanceSet.Of(group).Select(q => q.Text).ToList();
            Assert.Equal(texts.Count, texts.Distinct().Count());
        }
    }

    [Fact]
    public void Latin_queries_are_the_2021_spelling_of_their_Cyrillic_twins()
    {
        Assert.Equal(10, RelevanceSet.KazakhLatin.Select(q => q.CyrillicTwin).Distinct().Count());
        Assert.All(RelevanceSet.KazakhLatin, q => Assert.Equal(KazakhLatin.ToLatin(q.CyrillicTwin!), q.Text));
    }

    [Fact]
    public void Every_expected_item_is_a_searchable_item_of_the_shipped_content()
    {
        Assert.All(RelevanceSet.All.SelectMany(q => q.Expected.Select(e => (q.Culture, Item: e))).Distinct(), x =>
        {
            Assert.Contains(x.Item.ContentType, SearchFeature.DefaultTypes);
            var file = Path.Combine(RepoPaths.Content, Folders[x.Item.ContentType], $"{x.Item.Key}.{x.Culture}.md");
            Assert.True(File.Exists(file), $"{x.Item} has no {x.Culture} file {file}");
            Assert.Contains($"type: {x.Item.ContentType}\n", File.ReadAllText(file).ReplaceLineEndings("\n"));
        });
    }
}
