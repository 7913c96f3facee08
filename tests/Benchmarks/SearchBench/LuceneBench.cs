using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging.Abstractions;
using MyAlmaty.Learn.Search.Analysis;
using MyAlmaty.Learn.Search.Indexing;
using MyAlmaty.Learn.Search.Querying;

namespace SearchBench;

internal sealed record IndexingResult(
    int Threads, TimeSpan Added, TimeSpan Committed, TimeSpan Closed, double CpuSeconds, int GcCount, TimeSpan GcPause,
    Dictionary<string, (long Bytes, int Documents, int Segments)> Indexes, double OtherProcesses);

/// <summary>What one query found: by the words as parsed (all matches), and as the site answers it.</summary>
internal sealed record QueryOutcome(BenchQuery Query, int Matched, int MatchedRelevant, int Total, SearchNotice Notice, int Top10, int Top10Relevant, int ControlRelevant)
{
    public double Recall => (double)MatchedRelevant / Query.Relevant.Length;
}

internal sealed record QueryingResult(
    Latency WithSnippets, Latency WithoutSnippets, Latency WithSnippetsAsTyped, Latency WithoutSnippetsAsTyped,
    Dictionary<string, (Latency With, Latency Without)> ByKind,
    List<QueryOutcome> Outcomes, int TotalMismatches, TimeSpan Open, int Rounds,
    double OtherProcesses, int Gen0, int Gen2, TimeSpan GcPause, double KilobytesPerSearch, Latency Control);

/// <summary>The site's own search code on the corpus: <see cref="SearchIndex"/> to index, <see cref="SiteSearch"/> to query.</summary>
internal static class LuceneBench
{
    public static SearchDocument ToSearch(BenchDocument d) => new()
    {
        Culture = d.Culture,
        ContentType = d.ContentType,
        TranslationKey = d.Key,
        Title = d.Title,
        Text = d.Text,
        Public = true,
        Workspace = true,
    };

    /// <summary>
    /// Adds every document through <see cref="SearchIndex.Add"/> from <paramref name="threads"/> threads
    /// (both cultures' writers shared by all of them), then refreshes and commits with cursor 0, as a
    /// rebuild does. The clock runs from the first Add to the end of the commit; closing (which waits
    /// for background merges) is timed separately.
    /// </summary>
    public static IndexingResult Index(Corpus corpus, string root, int threads)
    {
        foreach (var culture in corpus.Languages.Keys)
        {
            var path = Path.Combine(root, culture);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        var indexes = corpus.Languages.Keys.ToDictionary(c => c, c => SearchIndex.Open(c, Path.Combine(root, c), TimeProvider.System, NullLogger.Instance));
        var documents = corpus.Documents;
        // Build the documents' records outside the clock: the site makes them from the database.
        var records = documents.Select(ToSearch).ToArray();
        GC.Collect();
        var meter = new CpuMeter();
        var gcCount = GC.CollectionCount(0);
        var gcPause = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < records.Length) indexes[records[i].Culture].Add(records[i]);
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        var added = clock.Elapsed;
        foreach (var index in indexes.Values)
        {
            index.Refresh(0);
            index.CommitIfChanged(force: true);
        }
        var committed = clock.Elapsed;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var (_, others) = meter.Read();
        gcCount = GC.CollectionCount(0) - gcCount;
        gcPause = GC.GetTotalPauseDuration() - gcPause;
        var counts = indexes.ToDictionary(p => p.Key, p => p.Value.DocumentCount);
        foreach (var index in indexes.Values) index.Dispose();
        var closed = clock.Elapsed;
        return new IndexingResult(threads, added, committed, closed, cpuSeconds, gcCount, gcPause,
            indexes.Keys.ToDictionary(c => c, c => (FolderBytes(Path.Combine(root, c)), counts[c], Directory.GetFiles(Path.Combine(root, c), "*.si").Length)), others);
    }

    public static long FolderBytes(string path) => new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    /// <summary>
    /// Opens the indexes the way the site does and runs every query through <see cref="SiteSearch"/>,
    /// single-threaded: warm-up first, then <paramref name="rounds"/> rounds in a new order each, with
    /// and without snippets alternately. Recall is counted on every match of the words as parsed.
    /// </summary>
    public static QueryingResult Query(Corpus corpus, string root, int rounds, double warmupSeconds)
    {
        var open = Stopwatch.StartNew();
        using var indexes = new SearchIndexes(root, TimeProvider.System, NullLogger<SearchIndexes>.Instance);
        foreach (var culture in corpus.Languages.Keys)
        {
            var index = indexes.Get(culture);
            if (index.NeedsRebuild) throw new InvalidOperationException($"the {culture} index was not readable");
        }
        open.Stop();
        var search = new SiteSearch(indexes);
        var queries = corpus.Queries;
        SearchRequest Request(BenchQuery q, bool snippets) => new() { Culture = q.Culture, Text = q.Text, Snippets = snippets };

        // Warm-up: at least two passes and warmupSeconds.
        var warm = Stopwatch.StartNew();
        for (var pass = 0; pass < 2 || warm.Elapsed.TotalSeconds < warmupSeconds; pass++)
        {
            foreach (var q in queries) search.Search(Request(q, snippets: pass % 2 == 0));
        }

        var samples = new Dictionary<bool, List<(BenchQuery Query, double Ms)>> { [true] = [], [false] = [] };
        var meter = new CpuMeter();
        var (gen0, gen2, pause) = (GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var snippets in new[] { round % 2 == 0, round % 2 != 0 })
            {
                var random = new Random(corpus.Seed + 1000 * round + (snippets ? 1 : 0));
                foreach (var q in queries.OrderBy(_ => random.Next()))
                {
                    var request = Request(q, snippets);
                    var start = Stopwatch.GetTimestamp();
                    search.Search(request);
                    samples[snippets].Add((q, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                }
            }
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        // The control: the same lemmas in the form the documents use most, without snippets.
        var control = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var random = new Random(corpus.Seed + 1000 * round + 2);
            foreach (var q in queries.OrderBy(_ => random.Next()))
            {
                var start = Stopwatch.GetTimestamp();
                search.Search(new SearchRequest { Culture = q.Culture, Text = q.SeenText, Snippets = false });
                control.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        (gen0, gen2, pause) = (GC.CollectionCount(0) - gen0, GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - pause);
        var (_, others) = meter.Read();

        // What the site answers, and every match of the words as parsed.
        var outcomes = new List<QueryOutcome>();
        var mismatches = 0;
        foreach (var culture in corpus.Languages.Keys)
        {
            var index = indexes.Get(culture);
            index.Search(searcher =>
            {
                var numbers = DocumentNumbers(searcher);
                foreach (var q in queries.Where(q => q.Culture == culture))
                {
                    var results = search.Search(Request(q, snippets: false));
                    var matched = AllMatches(searcher, index, q.Text).Select(d => numbers[d]).Where(n => n >= 0).ToArray();
                    var relevant = matched.Count(n => Array.BinarySearch(q.Relevant, n) >= 0);
                    var controlRelevant = AllMatches(searcher, index, q.SeenText).Select(d => numbers[d]).Count(n => n >= 0 && Array.BinarySearch(q.Relevant, n) >= 0);
                    var top = results.Hits.Select(h => Number(h.TranslationKey)).ToList();
                    if (results.Notice == SearchNotice.None && results.Total != matched.Length) mismatches++;
                    outcomes.Add(new QueryOutcome(q, matched.Length, relevant, results.Total, results.Notice, top.Count,
                        top.Count(n => Array.BinarySearch(q.Relevant, n) >= 0), controlRelevant));
                }
                return 0;
            });
        }

        var byKind = queries.Select(q => q.Kind).Distinct().ToDictionary(k => k, k => (
            Latency.Of(samples[true].Where(s => s.Query.Kind == k).Select(s => s.Ms)),
            Latency.Of(samples[false].Where(s => s.Query.Kind == k).Select(s => s.Ms))));
        var asTyped = outcomes.Where(o => o.Notice == SearchNotice.None).Select(o => o.Query).ToHashSet();
        return new QueryingResult(Latency.Of(samples[true].Select(s => s.Ms)), Latency.Of(samples[false].Select(s => s.Ms)),
            Latency.Of(samples[true].Where(s => asTyped.Contains(s.Query)).Select(s => s.Ms)),
            Latency.Of(samples[false].Where(s => asTyped.Contains(s.Query)).Select(s => s.Ms)),
            byKind, outcomes, mismatches, open.Elapsed, rounds,
            others, gen0, gen2, pause, allocated / 1024.0 / (samples[true].Count + samples[false].Count), Latency.Of(control));
    }

    public static int Number(string key) => key.StartsWith("bench-", StringComparison.Ordinal) ? int.Parse(key.AsSpan(6)) : -1;

    /// <summary>The corpus number of each document of the searcher's reader, by document id (-1: not a benchmark document).</summary>
    private static int[] DocumentNumbers(IndexSearcher searcher)
    {
        var fields = new HashSet<string> { SearchFields.Key };
        var numbers = new int[searcher.IndexReader.MaxDoc];
        for (var doc = 0; doc < numbers.Length; doc++) numbers[doc] = Number(searcher.Doc(doc, fields).Get(SearchFields.Key));
        return numbers;
    }

    /// <summary>Every document that has all the words, parsed as <see cref="SiteSearch"/> parses them (no fallbacks).</summary>
    private static List<int> AllMatches(IndexSearcher searcher, SearchIndex index, string text)
    {
        var (clean, _) = SearchInput.Clean(text);
        var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, [SearchFields.Title, SearchFields.Text], index.QueryAnalyzer) { DefaultOperator = Operator.AND };
        var query = parser.Parse(SearchInput.ToSyntax(clean));
        var collector = new DocIdCollector();
        searcher.Search(query, collector);
        return collector.Docs;
    }

    private sealed class DocIdCollector : ICollector
    {
        private int _base;
        public List<int> Docs { get; } = [];
        public bool AcceptsDocsOutOfOrder => true;
        public void SetScorer(Scorer scorer) { }
        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;
        public void Collect(int doc) => Docs.Add(_base + doc);
    }
}

/// <summary>Percentiles of a set of latencies, in milliseconds (nearest rank).</summary>
internal sealed record Latency(double P50, double P95, double P99, double Max, double Mean, int Samples)
{
    public static Latency Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0) return new Latency(0, 0, 0, 0, 0, 0);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Average(), sorted.Length);
    }
}
