using System.Runtime.InteropServices;
using MyAlmaty.Learn.Search.Querying;

namespace SearchBench;

/// <summary>The Markdown report (stdout).</summary>
internal static class Report
{
    public const double TargetDocsPerSecond = 5000, TargetP50 = 1, TargetP99 = 5;

    private static readonly string[] Kinds = ["ru", "kk", "kk-latin", "kk-keyboard"];

    private static readonly Dictionary<string, string> KindNames = new()
    {
        ["ru"] = "Russian",
        ["kk"] = "Kazakh, Cyrillic",
        ["kk-latin"] = "Kazakh, Latin script",
        ["kk-keyboard"] = "Kazakh, Russian keyboard",
    };

    public static void Print(Corpus corpus, IndexingResult indexing, QueryingResult lucene, FtsResult fts, Options options)
    {
        var docs = corpus.Stats;
        var relevant = corpus.Queries.Select(q => q.Relevant.Length).Order().ToArray();
        var luceneDocsPerSecond = docs.Documents / indexing.Committed.TotalSeconds;
        var ftsDocsPerSecond = docs.Documents / fts.Indexing.TotalSeconds;
        var luceneBytes = indexing.Indexes.Values.Sum(i => i.Bytes);

        W($"## Search benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        W();
        W($"Machine: {Environment.ProcessorCount} cores ({Cpu()}), {Memory()} RAM, {RuntimeInformation.OSDescription}; .NET {Environment.Version}, Server GC {(System.Runtime.GCSettings.IsServerGC ? "on" : "off")}.");
        W($"Corpus (seed {corpus.Seed}): {docs.Documents:N0} documents, {docs.Russian:N0} ru and {docs.Kazakh:N0} kk, " +
          $"{docs.Words:0} words of text and {docs.TitleWords:0.0} of title each on average ({docs.Characters / 1024:0.0} K characters).");
        foreach (var language in corpus.Languages.Values)
        {
            W($"Vocabulary {language.Culture}: {language.Lemmas.Count} lemmas with {language.Lemmas.Sum(l => l.Indexed.Length)} forms in documents and " +
              $"{language.Lemmas.Sum(l => l.Held.Length)} forms kept for queries, ranks {Corpus.FirstLemmaRank}–{Corpus.LastLemmaRank}; {language.TailWords:N0} other words of the site's content " +
              $"({language.DroppedTailWords} left out as forms of a lemma); Zipf exponent {Corpus.ZipfExponent}.");
        }
        W($"Queries: {corpus.Queries.Length} ({string.Join(", ", Kinds.Select(k => $"{corpus.Queries.Count(q => q.Kind == k)} {KindNames[k]}"))}); " +
          $"{corpus.Queries.Count(q => q.Lemmas.Length == 1)} of one word, {corpus.Queries.Count(q => q.Lemmas.Length == 2)} of two, {corpus.Queries.Count(q => q.Lemmas.Length == 3)} of three, " +
          $"every word in a form that no document contains. Relevant documents per query: median {relevant[relevant.Length / 2]:N0}, min {relevant[0]:N0}, max {relevant[^1]:N0}.");
        W();

        W("### Indexing");
        W();
        W($"| | Lucene: `SearchIndex.Add` from {indexing.Threads} threads, then `Refresh` and `CommitIfChanged(force: true)` | SQLite FTS5: one transaction | Target | Met |");
        W("|---|---:|---:|---|---|");
        W($"| Documents per second | {luceneDocsPerSecond:N0} | {ftsDocsPerSecond:N0} | ≥ {TargetDocsPerSecond:N0} (Lucene) | {Met(luceneDocsPerSecond >= TargetDocsPerSecond)} |");
        W($"| Wall time | {indexing.Committed.TotalSeconds:0.0} s (adding {indexing.Added.TotalSeconds:0.0} s, refresh + commit {(indexing.Committed - indexing.Added).TotalSeconds:0.0} s) | {fts.Indexing.TotalSeconds:0.0} s | | |");
        W($"| Closing the writers (waits for merges) | {(indexing.Closed - indexing.Committed).TotalSeconds:0.0} s more | — | | |");
        W($"| CPU used while indexing | {indexing.CpuSeconds / indexing.Committed.TotalSeconds:0.00} cores ({indexing.GcCount} gen-0 GCs, {indexing.GcPause.TotalSeconds:0.0} s paused) | 1 thread | | |");
        W($"| Size on disk | ru {Mb(indexing.Indexes["ru"].Bytes)}, kk {Mb(indexing.Indexes["kk"].Bytes)}, total **{Mb(luceneBytes)}** ({indexing.Indexes.Values.Sum(i => i.Segments)} segments) | **{Mb(fts.Bytes)}** (both tables) | | |");
        W($"| Size per document | {luceneBytes / (double)docs.Documents:N0} bytes | {fts.Bytes / (double)docs.Documents:N0} bytes | | |");
        W($"| CPU used by other processes meanwhile (noise) | {indexing.OtherProcesses:0.00} cores | {fts.OthersIndexing:0.00} cores | ≈ 0 for a valid run | {Met(indexing.OtherProcesses < 0.1 && fts.OthersIndexing < 0.1)} |");
        W();

        var lo = lucene.Outcomes;
        var fo = fts.Outcomes;
        W($"### Queries: single thread, after warm-up; every query {lucene.Rounds} times (FTS5 {options.FtsRounds} times) in a new order each round");
        W();
        W("| | Lucene with snippets | Lucene without snippets | FTS5 with `snippet()` | FTS5 without | Target | Met (Lucene with / without) |");
        W("|---|---:|---:|---:|---:|---|---|");
        W($"| p50 | {Ms(lucene.WithSnippets.P50)} | {Ms(lucene.WithoutSnippets.P50)} | {Ms(fts.WithSnippets.P50)} | {Ms(fts.WithoutSnippets.P50)} | ≤ {TargetP50} ms | {Met(lucene.WithSnippets.P50 <= TargetP50)} / {Met(lucene.WithoutSnippets.P50 <= TargetP50)} |");
        W($"| p95 | {Ms(lucene.WithSnippets.P95)} | {Ms(lucene.WithoutSnippets.P95)} | {Ms(fts.WithSnippets.P95)} | {Ms(fts.WithoutSnippets.P95)} | | |");
        W($"| p99 | {Ms(lucene.WithSnippets.P99)} | {Ms(lucene.WithoutSnippets.P99)} | {Ms(fts.WithSnippets.P99)} | {Ms(fts.WithoutSnippets.P99)} | ≤ {TargetP99} ms | {Met(lucene.WithSnippets.P99 <= TargetP99)} / {Met(lucene.WithoutSnippets.P99 <= TargetP99)} |");
        W($"| max | {Ms(lucene.WithSnippets.Max)} | {Ms(lucene.WithoutSnippets.Max)} | {Ms(fts.WithSnippets.Max)} | {Ms(fts.WithoutSnippets.Max)} | | |");
        W($"| mean | {Ms(lucene.WithSnippets.Mean)} | {Ms(lucene.WithoutSnippets.Mean)} | {Ms(fts.WithSnippets.Mean)} | {Ms(fts.WithoutSnippets.Mean)} | | |");
        var asTyped = lo.Count(o => o.Notice == SearchNotice.None);
        W($"| p50 / p99 of the {asTyped} queries answered as typed (no fallback) | {Ms(lucene.WithSnippetsAsTyped.P50)} / {Ms(lucene.WithSnippetsAsTyped.P99)} | {Ms(lucene.WithoutSnippetsAsTyped.P50)} / {Ms(lucene.WithoutSnippetsAsTyped.P99)} | | | | |");
        W($"| Recall: relevant documents matched / all relevant | {Recall(lo.Sum(o => (long)o.MatchedRelevant), lo.Sum(o => (long)o.Query.Relevant.Length))} | | {Recall(fo.Sum(o => (long)o.MatchedRelevant), fo.Sum(o => (long)o.Query.Relevant.Length))} | | | |");
        W($"| Recall, mean per query | {lo.Average(o => o.Recall):0.000} | | {fo.Average(o => (double)o.MatchedRelevant / o.Query.Relevant.Length):0.000} | | | |");
        W($"| Queries that match every relevant document / none | {lo.Count(o => o.MatchedRelevant == o.Query.Relevant.Length)} / {lo.Count(o => o.MatchedRelevant == 0)} of {lo.Count} | | {fo.Count(o => o.MatchedRelevant == o.Query.Relevant.Length)} / {fo.Count(o => o.MatchedRelevant == 0)} of {fo.Count} | | | |");
        W($"| Matches without a form of the query's lemmas | {Share(lo.Sum(o => (long)(o.Matched - o.MatchedRelevant)), lo.Sum(o => (long)o.Matched))} | | {Share(fo.Sum(o => (long)(o.Matched - o.MatchedRelevant)), fo.Sum(o => (long)o.Matched))} | | | |");
        W($"| Precision of the first 10 (relevant / shown) | {Recall(lo.Sum(o => (long)o.Top10Relevant), lo.Sum(o => (long)o.Top10))} (as the site answers) | | {Recall(fo.Sum(o => (long)o.Top10Relevant), fo.Sum(o => (long)o.Top10))} | | | |");
        W($"| Control: the same lemmas in the form documents use most — p50 / p99 | | {Ms(lucene.Control.P50)} / {Ms(lucene.Control.P99)} | | {Ms(fts.Control.P50)} / {Ms(fts.Control.P99)} | | |");
        W($"| Control: recall | | {Recall(lo.Sum(o => (long)o.ControlRelevant), lo.Sum(o => (long)o.Query.Relevant.Length))} | | {Recall(fo.Sum(o => (long)o.ControlRelevant), fo.Sum(o => (long)o.Query.Relevant.Length))} | | |");
        W($"| CPU used by other processes meanwhile (noise) | {lucene.OtherProcesses:0.00} cores | | {fts.OthersQuerying:0.00} cores | | ≈ 0 for a valid run | {Met(lucene.OtherProcesses < 0.1 && fts.OthersQuerying < 0.1)} |");
        W();
        W($"Lucene recall counts every document that has all the query's words as the site parses them (the same query as `SiteSearch`, collected in full); " +
          $"`SiteSearch`'s own `Total` agreed with it for every query answered as typed ({lucene.TotalMismatches} differences). " +
          $"How the site answered: {Notices(lo)}. The first 10 are `SiteSearch`'s hits, fallbacks included. Recall@10 in the usual sense is not meaningful here: " +
          $"queries have {relevant[relevant.Length / 2]:N0} relevant documents (median), so the precision of the first ten is shown instead. " +
          $"Opening both indexes with `new SearchIndexes(…)`: {lucene.Open.TotalMilliseconds:N0} ms. " +
          $"During Lucene's timed rounds: {lucene.KilobytesPerSearch:N0} KB allocated per search, {lucene.Gen0} gen-0 and {lucene.Gen2} gen-2 collections, {lucene.GcPause.TotalMilliseconds:N0} ms paused in all.");
        W();

        W("### By kind of query (without snippets)");
        W();
        W("| Queries | n | Lucene p50 / p99 | Lucene recall: of all relevant / mean per query | not found as typed | FTS5 p50 / p99 | FTS5 recall |");
        W("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in Kinds)
        {
            var l = lo.Where(o => o.Query.Kind == kind).ToList();
            var f = fo.Where(o => o.Query.Kind == kind).ToList();
            if (l.Count == 0) continue;
            var (_, without) = lucene.ByKind[kind];
            var ftsLatency = fts.ByKind[kind];
            W($"| {KindNames[kind]} | {l.Count} | {Ms(without.P50)} / {Ms(without.P99)} | {Recall(l.Sum(o => (long)o.MatchedRelevant), l.Sum(o => (long)o.Query.Relevant.Length))} / {l.Average(o => o.Recall):0.000} | " +
              $"{l.Count(o => o.Notice != SearchNotice.None)} | {Ms(ftsLatency.P50)} / {Ms(ftsLatency.P99)} | {Recall(f.Sum(o => (long)o.MatchedRelevant), f.Sum(o => (long)o.Query.Relevant.Length))} |");
        }
        W();
        var missed = lo.Where(o => o.Recall < 0.999).OrderBy(o => o.Recall).Take(12).ToList();
        if (missed.Count > 0)
        {
            W($"Lucene queries that miss relevant documents ({lo.Count(o => o.Recall < 0.999)}; the worst {missed.Count}): " +
              string.Join("; ", missed.Select(o => $"«{o.Query.Text}» {o.Recall:0.00} ({string.Join(" + ", o.Query.Lemmas.Select(x => x.Indexed[0]))})")) + ".");
            W();
        }
        W($"FTS5: `fts5(title, text, tokenize = 'unicode61 remove_diacritics 2')`, one table per culture, each query word quoted (all must occur), " +
          $"`ORDER BY rank LIMIT 10` reading rowid and title (and `snippet()` of the text) plus a `count(*)` of the same MATCH, as a results page needs; " +
          $"the ranked ten alone: p50 {Ms(fts.RankedOnly.P50)}, p99 {Ms(fts.RankedOnly.P99)}. " +
          $"Lucene's figures are whole `SiteSearch.Search` calls: parsing, the search with counts per type, loading the ten documents and highlighting their titles (and snippets).");
    }

    private static void W(string line = "") => Console.WriteLine(line);

    private static string Ms(double ms) => ms < 10 ? $"{ms:0.00} ms" : $"{ms:0.0} ms";

    private static string Mb(long bytes) => $"{bytes / 1048576.0:0.0} MB";

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Recall(long part, long whole) => whole == 0 ? "—" : $"{(double)part / whole:0.000}";

    private static string Share(long part, long whole) => whole == 0 ? "—" : $"{100.0 * part / whole:0.0} %";

    private static string Notices(List<QueryOutcome> outcomes) => string.Join(", ", outcomes.GroupBy(o => o.Notice).OrderBy(g => g.Key)
        .Select(g => $"{g.Count()} {g.Key switch
        {
            SearchNotice.None => "as typed",
            SearchNotice.SimilarWords => "with similar words (typo fallback)",
            SearchNotice.SomeWords => "with some of the words",
            SearchNotice.NothingFound => "nothing found",
            _ => g.Key.ToString(),
        }}"));

    private static string Cpu() =>
        File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?" : "?";

    private static string Memory() =>
        File.Exists("/proc/meminfo") && File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var kb, ..]
            ? $"{long.Parse(kb) / 1048576.0:0} GB"
            : "?";
}
