using System.Diagnostics;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging.Abstractions;
using MyAlmaty.Learn.Search.Analysis;
using MyAlmaty.Learn.Search.Indexing;
using MyAlmaty.Learn.Search.Querying;

namespace SearchBench;

/// <summary>
/// Where the indexing time goes (--explore): the analyzers alone, and IndexWriter with other
/// settings than <see cref="SearchIndex.Open"/> uses, on the same documents. Prints a Markdown table.
/// </summary>
internal static class Explore
{
    /// <summary>Where the indexing tables go (the main report is printed first).</summary>
    public static TextWriter Output { get; set; } = Console.Out;

    public static void Run(Corpus corpus, string folder)
    {
        Output.WriteLine();
        Output.WriteLine("### Indexing: where the time goes (--explore)");
        Output.WriteLine();
        Output.WriteLine("| Run | Threads | Documents/s | Add + commit | Closing (merges) | CPU cores | Size | Segments | Other processes (cores) |");
        Output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var threads in new[] { 1, 2 }) Analysis(corpus, threads);

        IndexWriterConfig Shipped(string culture, Analyzer? analyzer = null) =>
            new(SearchAnalyzers.Version, analyzer ?? SearchAnalyzers.Create(culture, forQuery: false)) { OpenMode = OpenMode.CREATE, RAMBufferSizeMB = 64, Codec = new SearchCodec() };

        // Not shown: lets the JIT settle on the writer's code before anything is compared.
        Writer(corpus, folder, "warm-up", 2, c => Shipped(c), count: 20_000);
        Writer(corpus, folder, "IndexWriter as `SearchIndex.Open` makes it (RAM buffer 64 MB, tiered merges, compound files, uncompressed stored fields)", 2, c => Shipped(c));
        Writer(corpus, folder, "the same", 1, c => Shipped(c));
        Writer(corpus, folder, "the same", 3, c => Shipped(c));
        Writer(corpus, folder, "RAM buffer 256 MB", 2, c => With(Shipped(c), w => w.RAMBufferSizeMB = 256));
        Writer(corpus, folder, "Lucene's default codec (stored fields compressed in 16 KB blocks)", 2, c => With(Shipped(c), w => w.Codec = Lucene.Net.Codecs.Codec.Default));
        Writer(corpus, folder, "no compound files", 2, c => With(Shipped(c), w =>
        {
            w.UseCompoundFile = false;
            w.MergePolicy.NoCFSRatio = 0;
        }));
        Writer(corpus, folder, "no merges during the load (`NoMergePolicy`)", 2, c => With(Shipped(c), w => w.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES));
        Writer(corpus, folder, "RAM 256 MB, no compound files, no merges", 2, c => With(Shipped(c), w =>
        {
            w.RAMBufferSizeMB = 256;
            w.UseCompoundFile = false;
            w.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
        }));
        Writer(corpus, folder, "writer without the site's analysis (`WhitespaceAnalyzer`: split at spaces only)", 2,
            c => Shipped(c, new WhitespaceAnalyzer(SearchAnalyzers.Version)));
        Output.WriteLine();
        if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
    }

    /// <summary>
    /// Where a query's time goes: each step of what <see cref="SiteSearch"/> does, alone, on the
    /// benchmark's indexes, and the whole call by how many documents the query matches.
    /// </summary>
    public static void Queries(Corpus corpus, string root, int rounds)
    {
        using var indexes = new SearchIndexes(root, TimeProvider.System, NullLogger<SearchIndexes>.Instance);
        var search = new SiteSearch(indexes);
        var parsed = corpus.Queries.ToDictionary(q => q, q =>
        {
            var index = indexes.Get(q.Culture);
            var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, [SearchFields.Title, SearchFields.Text], index.QueryAnalyzer,
                new Dictionary<string, float> { [SearchFields.Title] = 3f, [SearchFields.Text] = 1f }) { DefaultOperator = Operator.AND };
            return parser.Parse(SearchInput.ToSyntax(SearchInput.Clean(q.Text).Text));
        });
        var matches = corpus.Queries.ToDictionary(q => q, q => indexes.Get(q.Culture).Search(s =>
        {
            var count = new TotalHitCountCollector();
            s.Search(parsed[q], count);
            return count.TotalHits;
        }));
        var visibility = new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Visibility, SearchFields.Public))) { Boost = 0 };

        var steps = new (string Name, Action<BenchQuery> Run)[]
        {
            ("parse the words (MultiFieldQueryParser with the query analyzer)", q =>
            {
                var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, [SearchFields.Title, SearchFields.Text], indexes.Get(q.Culture).QueryAnalyzer) { DefaultOperator = Operator.AND };
                parser.Parse(SearchInput.ToSyntax(SearchInput.Clean(q.Text).Text));
            }),
            ("count every match (TotalHitCountCollector, no scores)", q => indexes.Get(q.Culture).Search(s =>
            {
                var count = new TotalHitCountCollector();
                s.Search(parsed[q], count);
                return count.TotalHits;
            })),
            ("score every match, keep the top 10", q => indexes.Get(q.Culture).Search(s => s.Search(parsed[q], 10))),
            ("the same with the visibility clause SiteSearch adds", q => indexes.Get(q.Culture).Search(s =>
                s.Search(new BooleanQuery { { visibility, Occur.MUST }, { parsed[q], Occur.MUST } }, 10))),
            ("… and load the 10 stored documents", q => indexes.Get(q.Culture).Search(s =>
            {
                var top = s.Search(new BooleanQuery { { visibility, Occur.MUST }, { parsed[q], Occur.MUST } }, 10);
                foreach (var d in top.ScoreDocs) s.Doc(d.Doc);
                return top;
            })),
            ("… and highlight the 10 titles as `Highlights` does (`QueryScorer` with the reader)", q => Highlighted(indexes.Get(q.Culture), parsed[q], visibility, withReader: true, snippets: false)),
            ("… the same with a `QueryScorer` without the reader (no document frequencies)", q => Highlighted(indexes.Get(q.Culture), parsed[q], visibility, withReader: false, snippets: false)),
            ("… and snippets of the 10 texts as `Highlights` makes them", q => Highlighted(indexes.Get(q.Culture), parsed[q], visibility, withReader: true, snippets: true)),
            ("SiteSearch.Search without snippets (titles highlighted, counts per type)", q => search.Search(new SearchRequest { Culture = q.Culture, Text = q.Text, Snippets = false })),
            ("SiteSearch.Search with snippets", q => search.Search(new SearchRequest { Culture = q.Culture, Text = q.Text })),
        };
        var samples = steps.ToDictionary(s => s.Name, _ => new List<(BenchQuery Query, double Ms)>());
        var allocated = steps.ToDictionary(s => s.Name, _ => 0L);
        foreach (var (_, run) in steps)
        {
            foreach (var q in corpus.Queries) run(q);
        }
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in steps)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                foreach (var q in corpus.Queries)
                {
                    var start = Stopwatch.GetTimestamp();
                    run(q);
                    samples[name].Add((q, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                }
                allocated[name] += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        Console.WriteLine();
        Console.WriteLine($"### Queries: where the time goes (--explore; single thread, {rounds} rounds, every query)");
        Console.WriteLine();
        Console.WriteLine("| Step | p50 | p95 | p99 | max | mean | allocated per call |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, _) in steps)
        {
            var l = Latency.Of(samples[name].Select(s => s.Ms));
            Console.WriteLine($"| {name} | {l.P50:0.00} ms | {l.P95:0.00} ms | {l.P99:0.00} ms | {l.Max:0.00} ms | {l.Mean:0.00} ms | {allocated[name] / 1024.0 / samples[name].Count:N0} KB |");
        }
        Console.WriteLine();
        Console.WriteLine("| Documents the query matches | queries | SiteSearch without snippets p50 / p99 | with snippets p50 / p99 | scoring alone p50 |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var (low, high) in new[] { (0, 0), (1, 999), (1000, 9999), (10_000, 29_999), (30_000, int.MaxValue) })
        {
            bool In(BenchQuery q) => matches[q] >= low && matches[q] <= high;
            var n = corpus.Queries.Count(In);
            if (n == 0) continue;
            var without = Latency.Of(samples[steps[8].Name].Where(s => In(s.Query)).Select(s => s.Ms));
            var with = Latency.Of(samples[steps[9].Name].Where(s => In(s.Query)).Select(s => s.Ms));
            var scoring = Latency.Of(samples[steps[2].Name].Where(s => In(s.Query)).Select(s => s.Ms));
            var range = high == int.MaxValue ? $"{low:N0} or more" : low == high ? $"{low} (fallbacks)" : $"{low:N0}–{high:N0}";
            Console.WriteLine($"| {range} | {n} | {without.P50:0.00} / {without.P99:0.00} ms | {with.P50:0.00} / {with.P99:0.00} ms | {scoring.P50:0.00} ms |");
        }
        Console.WriteLine();
        Console.WriteLine($"GCs during the timed rounds: {GC.CollectionCount(0) - gen0} gen-0, {GC.CollectionCount(2) - gen2} gen-2, {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:N0} ms paused in all.");
    }

    /// <summary>The first ten, loaded and highlighted the way <c>Highlights</c> does (a copy: it is internal).</summary>
    private static int Highlighted(SearchIndex index, Query query, Query visibility, bool withReader, bool snippets) => index.Search(s =>
    {
        var top = s.Search(new BooleanQuery { { visibility, Occur.MUST }, { query, Occur.MUST } }, 10);
        var marks = 0;
        foreach (var hit in top.ScoreDocs)
        {
            var document = s.Doc(hit.Doc);
            marks += Mark(s.IndexReader, index.IndexAnalyzer, query, SearchFields.Title, document.Get(SearchFields.Title), withReader, whole: true);
            if (snippets) marks += Mark(s.IndexReader, index.IndexAnalyzer, query, SearchFields.Text, document.Get(SearchFields.Text), withReader, whole: false);
        }
        return marks;
    });

    private static int Mark(IndexReader reader, Analyzer analyzer, Query query, string field, string text, bool withReader, bool whole)
    {
        var scorer = withReader ? new QueryScorer(query, reader, field) : new QueryScorer(query, field);
        var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), scorer)
        {
            TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, 160),
        };
        return highlighter.GetBestFragments(analyzer.GetTokenStream(field, text), text, whole ? 1 : 2).Length;
    }

    private static IndexWriterConfig With(IndexWriterConfig config, Action<IndexWriterConfig> change)
    {
        change(config);
        return config;
    }

    /// <summary>The index analyzers alone: every token of every title and text, nothing written.</summary>
    private static void Analysis(Corpus corpus, int threads)
    {
        var meter = new CpuMeter();
        var analyzers = Enumerable.Range(0, threads).Select(_ => corpus.Languages.Keys.ToDictionary(c => c, c => SearchAnalyzers.Create(c, forQuery: false))).ToList();
        var (elapsed, cpu) = Timed(() =>
        {
            var next = -1;
            var workers = analyzers.Select(mine => new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < corpus.Documents.Length)
                {
                    var d = corpus.Documents[i];
                    Consume(mine[d.Culture], SearchFields.Title, d.Title);
                    Consume(mine[d.Culture], SearchFields.Text, d.Text);
                }
            })).ToList();
            workers.ForEach(t => t.Start());
            workers.ForEach(t => t.Join());
        });
        foreach (var analyzer in analyzers.SelectMany(a => a.Values)) analyzer.Dispose();
        Output.WriteLine($"| Analysis alone (the site's analyzers, tokens read and dropped) | {threads} | {corpus.Documents.Length / elapsed.TotalSeconds:N0} | {elapsed.TotalSeconds:0.0} s | | {cpu / elapsed.TotalSeconds:0.00} | | | {meter.Read().Others:0.00} |");
    }

    private static void Consume(Analyzer analyzer, string field, string text)
    {
        using var stream = analyzer.GetTokenStream(field, text);
        stream.Reset();
        while (stream.IncrementToken()) { }
        stream.End();
    }

    private static void Writer(Corpus corpus, string folder, string name, int threads, Func<string, IndexWriterConfig> config, int? count = null)
    {
        if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, recursive: true);
        var records = corpus.Documents.Take(count ?? corpus.Documents.Length).Select(LuceneBench.ToSearch).ToArray();
        var meter = new CpuMeter();
        var directories = corpus.Languages.Keys.ToDictionary(c => c, c => FSDirectory.Open(Path.Combine(folder, c)));
        var writers = directories.ToDictionary(p => p.Key, p => new IndexWriter(p.Value, config(p.Key)));
        GC.Collect();
        TimeSpan committed = default;
        var (elapsed, cpu) = Timed(() =>
        {
            var clock = Stopwatch.StartNew();
            var next = -1;
            var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < records.Length) writers[records[i].Culture].AddDocument(records[i].ToLucene());
            })).ToList();
            workers.ForEach(t => t.Start());
            workers.ForEach(t => t.Join());
            foreach (var writer in writers.Values) writer.Commit();
            committed = clock.Elapsed;
        });
        var close = Stopwatch.StartNew();
        foreach (var writer in writers.Values)
        {
            writer.Config.Analyzer.Dispose();
            writer.Dispose();
        }
        close.Stop();
        foreach (var directory in directories.Values) directory.Dispose();
        var bytes = LuceneBench.FolderBytes(folder);
        var segments = System.IO.Directory.GetFiles(folder, "*.si", SearchOption.AllDirectories).Length;
        if (count is not null) return;
        var (_, others) = meter.Read();
        Output.WriteLine($"| {name} | {threads} | {records.Length / committed.TotalSeconds:N0} | {committed.TotalSeconds:0.0} s | {close.Elapsed.TotalSeconds:0.0} s | {cpu / elapsed.TotalSeconds:0.00} | {bytes / 1048576.0:0.0} MB | {segments} | {others:0.00} |");
    }

    private static (TimeSpan Elapsed, double CpuSeconds) Timed(Action action)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        return (clock.Elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }
}
