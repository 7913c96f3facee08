using System.Diagnostics;
using System.Globalization;
using SearchBench;

// Search benchmark: a generated corpus of Russian and Kazakh documents indexed with the site's own
// SearchIndex, queried through SiteSearch, and the same in SQLite FTS5. Prints Markdown tables.
// Run: dotnet run -c Release --project tests/Benchmarks/SearchBench -- --data <folder> [options]
// (tests/Benchmarks/search-benchmark.sh does, and then runs the site on the indexes under wrk).

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        Usage: SearchBench --data <folder> [--documents 100000] [--queries 150] [--seed 20261126] [--threads 2]
                           [--rounds 5] [--fts-rounds 3] [--warmup 3] [--wait-quiet 120] [--urls <file>] [--fts <file>] [--explore | --explore-only | --query-only | --rebuild-only]
          --data     the indexes are written to <folder>/search/ru and <folder>/search/kk (a site's data folder)
          --queries  queries per language
          --wait-quiet  before each measurement wait up to this many seconds for other processes to use < 0.1 core
          --urls     write the queries as search page addresses (/ru/search?q=…), one a line, for wrk
          --explore  also break a query's time down, and time analysis alone and other IndexWriter settings
                     (a few minutes more); --explore-only does only that, on the indexes of an earlier run
          --query-only  only the query figures, on the indexes of an earlier run (to compare a change quickly)
          --rebuild-only  only a rebuild as the site does it at start: the corpus stored as content items in
                     <folder>/rebuild/learn.db, then read, turned into text and indexed by SearchIndexer
        """);
    return 2;
}

Log($"Generating {options.Documents:N0} documents (seed {options.Seed})…");
var clock = Stopwatch.StartNew();
var corpus = Corpus.Build(options.Seed, options.Documents, options.QueriesPerLanguage, AppContext.BaseDirectory);
Log($"  {clock.Elapsed.TotalSeconds:0.0} s");

var searchRoot = Path.Combine(options.Data, "search");
if (options.ExploreOnly)
{
    // On the indexes of an earlier run with the same corpus.
    Explore.Run(corpus, Path.Combine(Path.GetTempPath(), $"searchbench-explore-{Environment.ProcessId}"));
    corpus.ReleaseDocuments();
    Explore.Queries(corpus, searchRoot, 3);
    return 0;
}
if (options.RebuildOnly)
{
    Log("Storing the corpus as content items and rebuilding the indexes from them…");
    var rebuild = await RebuildBench.RunAsync(corpus, Path.Combine(options.Data, "rebuild"), options.Rounds, options.WaitQuiet);
    Log($"  {rebuild.Elapsed.TotalSeconds:0.0} s");
    RebuildBench.Print(rebuild);
    return 0;
}
if (options.QueryOnly)
{
    // On the indexes of an earlier run with the same corpus: the query figures alone, to compare changes quickly.
    corpus.ReleaseDocuments();
    var q = LuceneBench.Query(corpus, searchRoot, options.Rounds, options.WarmupSeconds);
    Console.WriteLine($"with snippets p50 {q.WithSnippets.P50:0.00} p95 {q.WithSnippets.P95:0.00} p99 {q.WithSnippets.P99:0.00} max {q.WithSnippets.Max:0.00} ms; " +
        $"without p50 {q.WithoutSnippets.P50:0.00} p95 {q.WithoutSnippets.P95:0.00} p99 {q.WithoutSnippets.P99:0.00} max {q.WithoutSnippets.Max:0.00} ms; " +
        $"{q.KilobytesPerSearch:N0} KB a search; recall {q.Outcomes.Sum(o => (long)o.MatchedRelevant) / (double)q.Outcomes.Sum(o => (long)o.Query.Relevant.Length):0.000}; " +
        $"precision@10 {q.Outcomes.Sum(o => (long)o.Top10Relevant) / (double)q.Outcomes.Sum(o => (long)o.Top10):0.000}");
    return 0;
}
CpuMeter.WaitQuiet(options.WaitQuiet);
Log($"Indexing with SearchIndex.Add from {options.Threads} threads into {searchRoot}…");
var indexing = LuceneBench.Index(corpus, searchRoot, options.Threads);
Log($"  {indexing.Committed.TotalSeconds:0.0} s");

var ftsPath = options.Fts ?? Path.Combine(options.Data, "fts5-benchmark.db");
CpuMeter.WaitQuiet(options.WaitQuiet);
Log($"SQLite FTS5: loading {ftsPath}…");
var ftsBuild = FtsBench.Build(corpus, ftsPath);
Log($"  {ftsBuild.Elapsed.TotalSeconds:0.0} s");

if (options.Explore)
{
    Log("Exploring the indexing settings…");
    Explore.Output = new StringWriter();
    Explore.Run(corpus, Path.Combine(Path.GetTempPath(), $"searchbench-explore-{Environment.ProcessId}"));
}
corpus.ReleaseDocuments();

CpuMeter.WaitQuiet(options.WaitQuiet);
Log($"Querying through SiteSearch ({options.Rounds} rounds)…");
var querying = LuceneBench.Query(corpus, searchRoot, options.Rounds, options.WarmupSeconds);

CpuMeter.WaitQuiet(options.WaitQuiet);
Log($"Querying SQLite FTS5 ({options.FtsRounds} rounds)…");
var fts = FtsBench.Query(corpus, ftsPath, ftsBuild, options.FtsRounds, options.WarmupSeconds);

if (options.Urls is { } urls)
{
    File.WriteAllLines(urls, corpus.Queries.Select(q => $"/{q.Culture}/search?q={Uri.EscapeDataString(q.Text)}"));
    Log($"Wrote {corpus.Queries.Length} search addresses to {urls}");
}

Report.Print(corpus, indexing, querying, fts, options);

if (options.Explore)
{
    Console.Write(Explore.Output.ToString());
    Log("Exploring where the query time goes…");
    Explore.Queries(corpus, searchRoot, 3);
}
return 0;

static void Log(string message) => Console.Error.WriteLine(message);

internal sealed record Options(
    string Data, int Documents, int QueriesPerLanguage, int Seed, int Threads, int Rounds, int FtsRounds, double WarmupSeconds, double WaitQuiet,
    string? Urls, string? Fts, bool Explore, bool ExploreOnly, bool QueryOnly, bool RebuildOnly)
{
    public static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var explore = false;
        var exploreOnly = false;
        var queryOnly = false;
        var rebuildOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--explore") explore = true;
            else if (args[i] == "--explore-only") exploreOnly = true;
            else if (args[i] == "--query-only") queryOnly = true;
            else if (args[i] == "--rebuild-only") rebuildOnly = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) values[args[i][2..]] = args[++i];
            else return null;
        }
        if (!values.TryGetValue("data", out var data)) return null;
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            Path.GetFullPath(data), Int("documents", 100_000), Int("queries", 150), Int("seed", 20261126), Int("threads", 2),
            Int("rounds", 5), Int("fts-rounds", 3),
            values.TryGetValue("warmup", out var w) ? double.Parse(w, CultureInfo.InvariantCulture) : 3,
            values.TryGetValue("wait-quiet", out var q) ? double.Parse(q, CultureInfo.InvariantCulture) : 120,
            values.GetValueOrDefault("urls"), values.GetValueOrDefault("fts"), explore, exploreOnly, queryOnly, rebuildOnly);
    }
}
