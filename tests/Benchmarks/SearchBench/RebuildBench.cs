using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Search;
using MyAlmaty.Learn.Search.Indexing;

namespace SearchBench;

internal sealed record RebuildRound(Dictionary<string, (int Items, TimeSpan Elapsed)> Cultures, double CpuSeconds, double OtherProcesses)
{
    public TimeSpan Elapsed => Cultures.Values.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.Elapsed);
    public double ItemsPerSecond => Cultures.Values.Sum(c => c.Items) / Elapsed.TotalSeconds;
}

/// <summary>One way of making the text of every body, on one thread.</summary>
internal sealed record TextTiming(string Method, TimeSpan Elapsed, double CpuSeconds, double OtherProcesses, int Bodies)
{
    public double BodiesPerSecond => Bodies / Elapsed.TotalSeconds;
    public double BodiesPerCpuSecond => Bodies / CpuSeconds;
}

internal sealed record RebuildResult(int Items, int MarkupItems, TimeSpan Loading, List<RebuildRound> Rounds, List<TextTiming> Texts)
{
    public TimeSpan Elapsed => Rounds.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Elapsed);
}

/// <summary>
/// A rebuild as the site does it at start: the corpus stored as content items in the site's SQLite
/// database (Markdown bodies: headings, paragraphs, bold words, a list; one in a hundred with inline
/// HTML), then <see cref="SearchIndexer.RebuildAsync"/> for each culture, which reads the items,
/// makes their text and adds their documents one after the other. Several rounds: the first includes
/// the JIT's warm-up, the best is the least disturbed by other processes.
/// </summary>
internal static class RebuildBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<RebuildResult> RunAsync(Corpus corpus, string data, int rounds, double waitQuiet)
    {
        if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        Directory.CreateDirectory(data);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLearnData(new StorageOptions(), data);
        services.AddContentFeature();
        services.AddCoursesFeature();
        services.AddSearchFeature(new SearchOptions(), data);
        await using var provider = services.BuildServiceProvider();

        var loading = Stopwatch.StartNew();
        var markup = await LoadAsync(provider, corpus);
        loading.Stop();

        var indexer = provider.GetRequiredService<SearchIndexer>();
        var indexes = provider.GetRequiredService<SearchIndexes>();
        var results = new List<RebuildRound>();
        for (var round = 0; round < rounds; round++)
        {
            CpuMeter.WaitQuiet(waitQuiet);
            var cultures = new Dictionary<string, (int, TimeSpan)>();
            var meter = new CpuMeter();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var culture in corpus.Languages.Keys)
            {
                var index = indexes.Get(culture);
                var done = 0;
                var clock = Stopwatch.StartNew();
                await indexer.RebuildAsync(index, new SyncProgress(p => done = p.Done));
                cultures[culture] = (done, clock.Elapsed);
            }
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            var (_, others) = meter.Read();
            results.Add(new RebuildRound(cultures, cpuSeconds, others));
            Console.Error.WriteLine($"  round {round + 1}: {results[^1].ItemsPerSecond:N0} items/s, other processes {others:0.00} cores");
        }
        return new RebuildResult(corpus.Documents.Length, markup, loading.Elapsed, results, TextTimings(corpus, provider.GetRequiredService<MarkdownRenderer>(), waitQuiet));
    }

    /// <summary>
    /// The text alone, without the database and the index: Markdig's own plain text (what search
    /// indexed before it used the site's rendering), the site's full rendering (HTML, sanitizer, text),
    /// and the visible text that search indexes now.
    /// </summary>
    private static List<TextTiming> TextTimings(Corpus corpus, MarkdownRenderer renderer, double waitQuiet)
    {
        var bodies = corpus.Documents.Select(d => Body(d).Body).ToArray();
        var context = new MarkdownRenderContext("ru", []);
        (string, Func<string, string>)[] methods =
        [
            ("Markdig `Markdown.ToPlainText` (default pipeline)", body => Markdig.Markdown.ToPlainText(body)),
            ("`MarkdownRenderer.Render(…).PlainText` (HTML, sanitizer, text)", body => renderer.Render(body, context).PlainText),
            ("`MarkdownRenderer.VisibleText` (syntax tree; sanitizer for raw HTML)", renderer.VisibleText),
        ];
        var timings = new List<TextTiming>();
        foreach (var (name, method) in methods)
        {
            foreach (var body in bodies.Take(500)) method(body);
            CpuMeter.WaitQuiet(waitQuiet);
            var meter = new CpuMeter();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var characters = 0L;
            foreach (var body in bodies) characters += method(body).Length;
            var elapsed = clock.Elapsed;
            var (_, others) = meter.Read();
            timings.Add(new TextTiming(name, elapsed, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, others, bodies.Length));
            Console.Error.WriteLine($"  {name}: {timings[^1].BodiesPerSecond:N0} bodies/s ({characters / bodies.Length:N0} characters of text each)");
        }
        return timings;
    }

    /// <summary>Every document as a published content item; returns how many bodies have inline HTML.</summary>
    private static async Task<int> LoadAsync(IServiceProvider provider, Corpus corpus)
    {
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.PrepareAsync();
        }
        var markup = 0;
        var now = DateTime.UtcNow;
        foreach (var batch in corpus.Documents.Chunk(5000))
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var document in batch)
            {
                var (body, hasMarkup) = Body(document);
                if (hasMarkup) markup++;
                var item = new ContentItem { ContentType = document.ContentType, Culture = document.Culture, TranslationKey = document.Key, CreatedUtc = now };
                ContentVersioning.AddVersion(item, new ContentItemVersion
                {
                    Title = document.Title,
                    Slug = document.Key,
                    Body = body,
                    Metadata = JsonSerializer.Serialize(new { summary = document.Title }, Json),
                    ContentHash = "",
                    Author = "bench",
                }, publish: true, now);
                db.Add(item);
            }
            await db.SaveChangesAsync();
        }
        return markup;
    }

    /// <summary>The document's paragraphs as Markdown: a heading before every third, the first word of each in bold, the last as a list.</summary>
    private static (string Body, bool HasMarkup) Body(BenchDocument document)
    {
        var paragraphs = document.Text.Split('\n');
        var body = new StringBuilder(document.Text.Length + 200);
        var hasMarkup = document.Number % 100 == 0;
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var paragraph = paragraphs[i];
            if (i % 3 == 0) body.Append("## ").Append(string.Join(' ', paragraph.Split(' ').Take(4)).TrimEnd('.', ',', '?')).Append("\n\n");
            var space = paragraph.IndexOf(' ');
            var text = space > 0 ? $"**{paragraph[..space]}**{paragraph[space..]}" : paragraph;
            if (hasMarkup && i == 0) text = $"<span title=\"{document.Key}\">{text}</span>";
            if (i == paragraphs.Length - 1 && paragraphs.Length > 1) text = string.Join('\n', paragraph.Split(". ").Select(s => "- " + s));
            body.Append(text).Append("\n\n");
        }
        return (body.ToString(), hasMarkup);
    }

    /// <summary>Reports on the caller's thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }

    public static void Print(RebuildResult result)
    {
        var best = result.Rounds.MaxBy(r => r.ItemsPerSecond)!;
        Console.WriteLine("### Rebuild from the database (`SearchIndexer.RebuildAsync`, one thread, as at start)");
        Console.WriteLine();
        Console.WriteLine($"{result.Items:N0} published items ({result.MarkupItems:N0} with inline HTML) loaded into SQLite in {result.Loading.TotalSeconds:0.0} s; " +
            $"rebuilt {result.Rounds.Count} times.");
        Console.WriteLine();
        Console.WriteLine("| Round | Items per second | Items per CPU-second | Wall time per culture | CPU while rebuilding | Other processes (noise) |");
        Console.WriteLine("|---|---:|---:|---|---:|---:|");
        for (var i = 0; i < result.Rounds.Count; i++)
        {
            var round = result.Rounds[i];
            Console.WriteLine($"| {i + 1}{(round == best ? " (best)" : "")} | {round.ItemsPerSecond:N0} | {round.Cultures.Values.Sum(c => c.Items) / round.CpuSeconds:N0} | " +
                $"{string.Join(", ", round.Cultures.Select(c => $"{c.Key} {c.Value.Items:N0} in {c.Value.Elapsed.TotalSeconds:0.0} s"))} | " +
                $"{round.CpuSeconds / round.Elapsed.TotalSeconds:0.00} cores | {round.OtherProcesses:0.00} cores |");
        }
        Console.WriteLine();
        Console.WriteLine($"The text alone: every body once, on one thread ({result.Texts[0].Bodies:N0} bodies, {result.MarkupItems:N0} with inline HTML).");
        Console.WriteLine();
        Console.WriteLine("| Method | Bodies per second | Bodies per CPU-second | Other processes (noise) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var text in result.Texts)
        {
            Console.WriteLine($"| {text.Method} | {text.BodiesPerSecond:N0} | {text.BodiesPerCpuSecond:N0} | {text.OtherProcesses:0.00} cores |");
        }
        Console.WriteLine();
    }
}
