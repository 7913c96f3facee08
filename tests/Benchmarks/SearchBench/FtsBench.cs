using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SearchBench;

internal sealed record FtsResult(
    TimeSpan Indexing, long Bytes, Latency WithSnippets, Latency WithoutSnippets, Latency RankedOnly, double OthersIndexing, double OthersQuerying,
    Dictionary<string, Latency> ByKind, List<(BenchQuery Query, int Matched, int MatchedRelevant, int Top10, int Top10Relevant, int ControlRelevant)> Outcomes,
    Latency Control);

/// <summary>
/// The same corpus and queries in SQLite FTS5, one table per culture as Lucene has one index per
/// culture: the words of the query must all occur (FTS5's implicit AND), ranked by bm25.
/// </summary>
internal static class FtsBench
{
    private const string Tokenizer = "unicode61 remove_diacritics 2";

    /// <summary>The bulk load: one transaction, one prepared insert per table, rowid = document number.</summary>
    public static (TimeSpan Elapsed, long Bytes, double Others) Build(Corpus corpus, string path)
    {
        foreach (var file in new[] { path, path + "-journal", path + "-wal", path + "-shm" }) File.Delete(file);
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        var cultures = corpus.Languages.Keys.ToArray();
        foreach (var culture in cultures) Execute(db, $"CREATE VIRTUAL TABLE fts_{culture} USING fts5(title, text, tokenize = '{Tokenizer}')");

        var indexingMeter = new CpuMeter();
        var clock = Stopwatch.StartNew();
        using (var transaction = db.BeginTransaction())
        {
            var inserts = cultures.ToDictionary(c => c, c =>
            {
                var insert = db.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = $"INSERT INTO fts_{c}(rowid, title, text) VALUES ($id, $title, $text)";
                insert.Parameters.Add("$id", SqliteType.Integer);
                insert.Parameters.Add("$title", SqliteType.Text);
                insert.Parameters.Add("$text", SqliteType.Text);
                insert.Prepare();
                return insert;
            });
            foreach (var doc in corpus.Documents)
            {
                var insert = inserts[doc.Culture];
                insert.Parameters[0].Value = doc.Number;
                insert.Parameters[1].Value = doc.Title;
                insert.Parameters[2].Value = doc.Text;
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
            foreach (var insert in inserts.Values) insert.Dispose();
        }
        var indexing = clock.Elapsed;
        var (_, othersIndexing) = indexingMeter.Read();
        return (indexing, new FileInfo(path).Length, othersIndexing);
    }

    public static FtsResult Query(Corpus corpus, string path, (TimeSpan Elapsed, long Bytes, double Others) build, int rounds, double warmupSeconds)
    {
        using var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        var cultures = corpus.Languages.Keys.ToArray();
        var (indexing, bytes, othersIndexing) = build;

        var ranked = cultures.ToDictionary(c => c, c => Prepare(db, $"SELECT rowid, title FROM fts_{c} WHERE fts_{c} MATCH $q ORDER BY rank LIMIT 10"));
        var snippets = cultures.ToDictionary(c => c, c => Prepare(db,
            $"SELECT rowid, title, snippet(fts_{c}, 1, '<mark>', '</mark>', '…', 24) FROM fts_{c} WHERE fts_{c} MATCH $q ORDER BY rank LIMIT 10"));
        var counts = cultures.ToDictionary(c => c, c => Prepare(db, $"SELECT count(*) FROM fts_{c} WHERE fts_{c} MATCH $q"));
        var all = cultures.ToDictionary(c => c, c => Prepare(db, $"SELECT rowid FROM fts_{c} WHERE fts_{c} MATCH $q"));

        // A results page: the first ten (with or without snippets) and how many there are in all.
        (List<int> Top, long Count) Page(BenchQuery q, bool withSnippets, bool seen = false)
        {
            var text = seen ? q.SeenText : q.Text;
            var top = Rows(withSnippets ? snippets[q.Culture] : ranked[q.Culture], text);
            var count = counts[q.Culture];
            count.Parameters[0].Value = Match(text);
            return (top, (long)count.ExecuteScalar()!);
        }

        var queries = corpus.Queries;
        var warm = Stopwatch.StartNew();
        for (var pass = 0; pass < 2 || warm.Elapsed.TotalSeconds < warmupSeconds; pass++)
        {
            foreach (var q in queries) Page(q, withSnippets: pass % 2 == 0);
        }

        var samples = new Dictionary<bool, List<(string Kind, double Ms)>> { [true] = [], [false] = [] };
        var rankedOnly = new List<double>();
        var meter = new CpuMeter();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var withSnippets in new[] { round % 2 == 0, round % 2 != 0 })
            {
                var random = new Random(corpus.Seed + 1000 * round + (withSnippets ? 1 : 0));
                foreach (var q in queries.OrderBy(_ => random.Next()))
                {
                    var start = Stopwatch.GetTimestamp();
                    Page(q, withSnippets);
                    samples[withSnippets].Add((q.Kind, Stopwatch.GetElapsedTime(start).TotalMilliseconds));
                }
            }
            foreach (var q in queries)
            {
                var start = Stopwatch.GetTimestamp();
                Rows(ranked[q.Culture], q.Text);
                rankedOnly.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        var control = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var random = new Random(corpus.Seed + 1000 * round + 2);
            foreach (var q in queries.OrderBy(_ => random.Next()))
            {
                var start = Stopwatch.GetTimestamp();
                Page(q, withSnippets: false, seen: true);
                control.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        var (_, othersQuerying) = meter.Read();
        var outcomes = new List<(BenchQuery, int, int, int, int, int)>();
        foreach (var q in queries)
        {
            var matched = Rows(all[q.Culture], q.Text);
            var top = Rows(ranked[q.Culture], q.Text);
            var seen = Rows(all[q.Culture], q.SeenText);
            outcomes.Add((q, matched.Count, matched.Count(n => Array.BinarySearch(q.Relevant, n) >= 0), top.Count, top.Count(n => Array.BinarySearch(q.Relevant, n) >= 0),
                seen.Count(n => Array.BinarySearch(q.Relevant, n) >= 0)));
        }
        foreach (var command in ranked.Values.Concat(snippets.Values).Concat(counts.Values).Concat(all.Values)) command.Dispose();

        var byKind = queries.Select(q => q.Kind).Distinct().ToDictionary(k => k, k => Latency.Of(samples[false].Where(s => s.Kind == k).Select(s => s.Ms)));
        return new FtsResult(indexing, bytes, Latency.Of(samples[true].Select(s => s.Ms)), Latency.Of(samples[false].Select(s => s.Ms)),
            Latency.Of(rankedOnly), othersIndexing, othersQuerying, byKind, outcomes, Latency.Of(control));
    }

    /// <summary>Each word of the query as an FTS5 string: all must occur; nothing the reader typed is syntax.</summary>
    public static string Match(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => "\"" + w.Replace("\"", "\"\"") + "\""));

    private static List<int> Rows(SqliteCommand command, string text)
    {
        command.Parameters[0].Value = Match(text);
        var rows = new List<int>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(reader.GetInt32(0));
            // Read what a page would show.
            for (var i = 1; i < reader.FieldCount; i++) reader.GetString(i);
        }
        return rows;
    }

    private static SqliteCommand Prepare(SqliteConnection db, string sql)
    {
        var command = db.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add("$q", SqliteType.Text);
        command.Prepare();
        return command;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
