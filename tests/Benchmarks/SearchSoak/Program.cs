using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Search;
using MyAlmaty.Learn.Search.Querying;
using MyAlmaty.Learn.Web.Hosting;
using SearchSoak;

// Search soak: the real site in this process on a temporary data folder with the shipped content;
// one writer edits, publishes, unpublishes, deletes and re-imports content through the site's own
// services (so the queue and the indexer do every index write, with its periodic commits), while
// eight threads search. Any exception fails the run, and so does a growing number of open files.
// Run: dotnet run -c Release --project tests/Benchmarks/SearchSoak -- [minutes=10]
// (tests/Benchmarks/search-soak.sh does). Prints Markdown; exit code 1 when the run failed.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var minutes = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 10;
const int Searchers = 8;
var duration = TimeSpan.FromMinutes(minutes);
var failures = new Failures();

// Exceptions thrown anywhere, even if something catches them: Lucene's "already closed" (in
// Lucene.NET an internal ObjectDisposedException, so any ObjectDisposedException while the load
// runs) and its lock failures fail the run wherever they happen; the others are listed.
var thrown = new ConcurrentDictionary<string, int>();
var firstThrown = new ConcurrentDictionary<string, string>();
var loadRunning = false;
AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
{
    var name = e.Exception.GetType().FullName ?? "?";
    // A few of each, to see where they come from: SOAK_SHOW_EXCEPTIONS=1.
    if (thrown.AddOrUpdate(name, 1, (_, n) => n + 1) is 1 or 2 or 100 or 1000) firstThrown.TryAdd($"{name} #{thrown[name]}", $"{e.Exception.Message}\n{Environment.StackTrace}");
    if (name == "Lucene.AlreadyClosedException" || e.Exception is Lucene.Net.Store.LockObtainFailedException
        || (e.Exception is ObjectDisposedException && Volatile.Read(ref loadRunning)))
    {
        failures.Add($"{name} thrown: {e.Exception.Message}\n{Environment.StackTrace}");
    }
};
TaskScheduler.UnobservedTaskException += (_, e) => failures.Add($"unobserved task exception: {e.Exception}");

var root = FindRoot();
var data = Path.Combine(Path.GetTempPath(), $"searchsoak-{Guid.NewGuid():N}");
Directory.CreateDirectory(data);
var logs = new CountingLoggerProvider(failures);
var builder = SiteHost.CreateBuilder(
[
    "--environment=Production",
    "--urls=http://127.0.0.1:0",
    $"--Site:RootPath={root}",
    $"--Site:DataPath={data}",
    "--Logging:LogLevel:Default=Warning",
]);
builder.Logging.ClearProviders();
builder.Logging.AddProvider(logs);
var app = SiteHost.Build(builder);
var started = Stopwatch.StartNew();
await app.Services.GetRequiredService<SiteInitializer>().StartAsync(app.Services.GetRequiredService<SiteOptions>().ImportOnStart);
await app.StartAsync();
Console.Error.WriteLine($"Site started in {started.ElapsedMilliseconds} ms on {data}; running for {minutes} min…");

var search = app.Services.GetRequiredService<SiteSearch>();
var options = app.Services.GetRequiredService<SearchOptions>();
List<(ContentKey Key, string Title, string Body)> items;
await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
    var types = SearchFeature.DefaultTypes.ToList();
    items = (await db.Set<ContentItem>().AsNoTracking().Where(i => types.Contains(i.ContentType))
            .Select(i => new { i.Culture, i.ContentType, i.TranslationKey, Latest = i.Versions.Where(v => v.Latest).Select(v => new { v.Title, v.Body }).First() })
            .ToListAsync())
        .Select(i => (new ContentKey(i.Culture, i.ContentType, i.TranslationKey), i.Latest.Title, i.Latest.Body))
        .OrderBy(i => i.Item1.Culture).ThenBy(i => i.Item1.ContentType).ThenBy(i => i.Item1.TranslationKey)
        .ToList();
}

using var stop = new CancellationTokenSource();
Volatile.Write(ref loadRunning, true);
var searches = new long[Searchers];
var threads = Enumerable.Range(0, Searchers).Select(n => new Thread(() => Searching(n)) { Name = $"searcher {n}" }).ToList();
threads.ForEach(t => t.Start());
var writes = new ConcurrentDictionary<string, int>();
var delays = new List<double>();
var writer = Task.Run(() => WritingAsync(stop.Token));

// Every 10 s: open files; the index's files on disk (a reader never closed keeps the files of its
// segments from being deleted, with no file left open) and mapped into memory; searches and writes
// so far; resident memory.
var samples = new List<(double Seconds, int Files, int OnDisk, int Mapped, int Deleted, long Searches, int Writes, double RssMb)>();
var searchFolder = Path.Combine(data, "search");
var clock = Stopwatch.StartNew();
while (clock.Elapsed < duration)
{
    var next = TimeSpan.FromSeconds(10 * (samples.Count + 1));
    var wait = (next < duration ? next : duration) - clock.Elapsed;
    if (wait > TimeSpan.Zero) await Task.Delay(wait);
    var (mapped, deleted) = MappedFiles(searchFolder);
    var onDisk = Directory.GetFiles(searchFolder, "*", SearchOption.AllDirectories).Length;
    samples.Add((clock.Elapsed.TotalSeconds, OpenFiles(), onDisk, mapped, deleted, searches.Sum(), writes.Values.Sum(), Environment.WorkingSet / 1048576.0));
    var s = samples[^1];
    Console.Error.WriteLine($"  {s.Seconds,5:0} s: {s.Files} open files, {s.OnDisk} index files ({s.Mapped} mapped, {s.Deleted} of them deleted), {s.Searches:N0} searches, {s.Writes:N0} writes, {s.RssMb:0} MB");
}
stop.Cancel();
threads.ForEach(t => t.Join());
await writer;
Volatile.Write(ref loadRunning, false);
var ran = clock.Elapsed;
var filesAtEnd = OpenFiles();
try
{
    await app.StopAsync();
    await app.DisposeAsync();
}
catch (Exception e)
{
    failures.Add($"stopping the site: {e}");
}

// --- report --------------------------------------------------------------------------------

// Growth: the last sample more than 20 % + 20 above the median of the first minute.
(int Baseline, int Last, double Limit) Growth(string what, Func<(double Seconds, int Files, int OnDisk, int Mapped, int Deleted, long Searches, int Writes, double RssMb), int> value)
{
    var firstMinute = samples.Where(s => s.Seconds <= 60.5).Select(value).Order().ToList();
    var median = firstMinute.Count > 0 ? firstMinute[firstMinute.Count / 2] : value(samples[0]);
    var (last, limit) = (value(samples[^1]), median * 1.2 + 20);
    if (last > limit) failures.Add($"{what} grew: {last} at the end against a median of {median} in the first minute (limit {limit:0})");
    return (median, last, limit);
}
var (baseline, last, limit) = Growth("open files", s => s.Files);
var diskGrowth = Growth("index files on disk", s => s.OnDisk);
var mappedGrowth = Growth("index files mapped", s => s.Mapped);

var totalSearches = searches.Sum();
var totalWrites = writes.Values.Sum();
delays.Sort();
double Delay(double p) => delays.Count == 0 ? double.NaN : delays[Math.Clamp((int)Math.Ceiling(p * delays.Count) - 1, 0, delays.Count - 1)];
Console.WriteLine($"## Search soak — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {ran.TotalMinutes:0.0} min");
Console.WriteLine();
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, Server GC {(System.Runtime.GCSettings.IsServerGC ? "on" : "off")}. " +
    $"The site in-process (`SiteHost`) on a temporary data folder with the shipped content ({items.Count} searchable items), " +
    $"indexer polling every {options.PollInterval.TotalMilliseconds:0} ms and committing every {options.CommitInterval.TotalSeconds:0} s; " +
    $"1 writer through `ContentPublishing` and the content import, {Searchers} threads calling `SiteSearch.Search`.");
Console.WriteLine();
Console.WriteLine("| Measure | Result |");
Console.WriteLine("|---|---:|");
Console.WriteLine($"| Searches | {totalSearches:N0} ({totalSearches / ran.TotalSeconds:N0}/s) |");
Console.WriteLine($"| Writes | {totalWrites:N0} ({totalWrites / ran.TotalSeconds:0.0}/s): {string.Join(", ", writes.OrderByDescending(w => w.Value).Select(w => $"{w.Key} {w.Value:N0}"))} |");
Console.WriteLine($"| From an edit to it being found (sampled {delays.Count:N0} times): p50 / p95 / p99 / max | {Delay(0.5):0} / {Delay(0.95):0} / {Delay(0.99):0} / {(delays.Count > 0 ? delays[^1] : double.NaN):0} ms |");
Console.WriteLine($"| Open files (`/proc/self/fd`): first-minute median / last sample / after stopping the load | {baseline} / {last} / {filesAtEnd} (fails above {limit:0}) |");
Console.WriteLine($"| Index files on disk (both cultures): first-minute median / last sample | {diskGrowth.Baseline} / {diskGrowth.Last} (fails above {diskGrowth.Limit:0}) |");
Console.WriteLine($"| Index files mapped into memory (of them deleted): first-minute median / last sample | {mappedGrowth.Baseline} / {mappedGrowth.Last} ({samples[^1].Deleted}) (fails above {mappedGrowth.Limit:0}) |");
Console.WriteLine($"| Resident memory: first / last sample | {samples[0].RssMb:0} / {samples[^1].RssMb:0} MB |");
Console.WriteLine($"| Errors and warnings logged by the site | {logs.Errors} errors, {logs.Warnings} warnings{(logs.WarningTexts.IsEmpty ? "" : ": " + string.Join("; ", logs.WarningTexts.Keys.Take(5)))} |");
Console.WriteLine($"| Exceptions thrown (first chance, caught or not) | {(thrown.IsEmpty ? "none" : string.Join(", ", thrown.OrderByDescending(t => t.Value).Select(t => $"{t.Key} × {t.Value:N0}")))} |");
Console.WriteLine($"| Failures | {(failures.Count == 0 ? "none" : failures.Count.ToString(CultureInfo.InvariantCulture))} |");
Console.WriteLine();
Console.WriteLine("Every 10 s (seconds: open files, index files on disk / mapped, searches/s and writes in the last 10 s, resident MB):");
Console.WriteLine();
var previous = (Searches: 0L, Writes: 0, Seconds: 0.0);
var series = new List<string>();
foreach (var s in samples)
{
    series.Add($"{s.Seconds:0}: {s.Files} fds, {s.OnDisk}/{s.Mapped} index files, {(s.Searches - previous.Searches) / (s.Seconds - previous.Seconds):N0}/s, {s.Writes - previous.Writes} w, {s.RssMb:0} MB");
    previous = (s.Searches, s.Writes, s.Seconds);
}
Console.WriteLine(string.Join("; ", series));
Console.WriteLine();
Console.WriteLine($"Open files: {string.Join(" ", samples.Select(s => s.Files))}");
Console.WriteLine();
Console.WriteLine($"Index files on disk: {string.Join(" ", samples.Select(s => s.OnDisk))}");
Console.WriteLine();
Console.WriteLine($"Index files mapped: {string.Join(" ", samples.Select(s => s.Mapped))}");
if (failures.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("### Failures");
    Console.WriteLine();
    foreach (var f in failures.Items.Take(20)) Console.WriteLine($"- {f.Replace("\n", "\n  ")}");
}
if (Environment.GetEnvironmentVariable("SOAK_SHOW_EXCEPTIONS") == "1")
{
    foreach (var (name, trace) in firstThrown) Console.Error.WriteLine($"--- {name}: {trace}");
}
try
{
    Directory.Delete(data, recursive: true);
}
catch (IOException)
{
}
return failures.Count == 0 ? 0 : 1;

// --- the load ------------------------------------------------------------------------------

void Searching(int number)
{
    var random = new Random(1000 + number);
    while (!stop.IsCancellationRequested)
    {
        var culture = random.Next(2) == 0 ? "ru" : "kk";
        var request = new SearchRequest
        {
            Culture = culture,
            Text = Queries.Pick(culture, random),
            ContentType = random.Next(4) == 0 ? SearchFeature.DefaultTypes[random.Next(SearchFeature.DefaultTypes.Length)] : null,
            Page = random.Next(6) == 0 ? 1 + random.Next(3) : 1,
            PageSize = random.Next(3) == 0 ? 6 : 10,
            IncludeOtherLanguage = random.Next(4) == 0,
            Workspace = random.Next(4) == 0,
            Snippets = random.Next(2) == 0,
        };
        try
        {
            search.Search(request);
            Interlocked.Increment(ref searches[number]);
        }
        catch (Exception e)
        {
            failures.Add($"search «{request.Text}» ({request.Culture}): {e}");
        }
    }
}

async Task WritingAsync(CancellationToken cancellationToken)
{
    var random = new Random(20261125);
    var marker = 0;
    while (!cancellationToken.IsCancellationRequested)
    {
        var (key, title, body) = items[random.Next(items.Count)];
        var pick = random.Next(100);
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var publishing = scope.ServiceProvider.GetRequiredService<ContentPublishing>();
            switch (pick)
            {
                case < 40:
                {
                    // A published edit with a word nobody else uses, then the time until search finds it.
                    var word = Marker(++marker);
                    var watch = Stopwatch.StartNew();
                    Must(await publishing.ReviseAsync(key, title, $"{body}\n\nПравка {word}.", "soak", publish: true, CancellationToken.None), "revise");
                    Count("published edit");
                    while (!Found(key.Culture, word))
                    {
                        if (watch.Elapsed > TimeSpan.FromSeconds(10))
                        {
                            failures.Add($"a published edit ({key}, «{word}») was not found within 10 s");
                            break;
                        }
                        Thread.Sleep(2);
                    }
                    lock (delays) delays.Add(watch.Elapsed.TotalMilliseconds);
                    break;
                }
                case < 60:
                    Must(await publishing.ReviseAsync(key, title, $"{body}\n\nЧерновик {Marker(++marker)}.", "soak", publish: false, CancellationToken.None), "draft");
                    Count("draft");
                    break;
                case < 75:
                    Must(await publishing.PublishAsync(key, "soak", CancellationToken.None), "publish");
                    Count("publish");
                    break;
                case < 90:
                    Must(await publishing.UnpublishAsync(key, "soak", CancellationToken.None), "unpublish");
                    Count("unpublish");
                    break;
                default:
                    // Deleted, then added again by the content import from its file (which also puts back
                    // the file's text of every item edited since: a bulk write).
                    Must(await publishing.DeleteAsync(key, "soak", CancellationToken.None), "delete");
                    Count("delete");
                    var report = await scope.ServiceProvider.GetRequiredService<SiteInitializer>().ImportAsync(CancellationToken.None);
                    if (report.HasErrors) failures.Add("the import reported errors");
                    Count("re-import");
                    break;
            }
        }
        catch (Exception e)
        {
            failures.Add($"writing ({key}): {e}");
        }
    }

    void Count(string what) => writes.AddOrUpdate(what, 1, (_, n) => n + 1);
}

void Must(bool done, string what)
{
    if (!done) failures.Add($"{what}: the item was not there");
}

bool Found(string culture, string word)
{
    var results = search.Search(new SearchRequest { Culture = culture, Text = word, Snippets = false });
    return results.Notice == SearchNotice.None && results.Total > 0;
}

// Letters only, ending in «ф» (no Russian or Kazakh ending the stemmers strip): a word of its own.
static string Marker(int n)
{
    const string Letters = "бвгджзклмнпрстх";
    var word = new StringBuilder("зонд");
    do
    {
        word.Append(Letters[n % Letters.Length]).Append('о');
        n /= Letters.Length;
    }
    while (n > 0);
    return word.Append('ф').ToString();
}

static int OpenFiles() => Directory.GetFileSystemEntries("/proc/self/fd").Length;

// Distinct files under the index folder mapped into this process, and how many of them are deleted.
static (int Mapped, int Deleted) MappedFiles(string folder)
{
    var files = new HashSet<string>(StringComparer.Ordinal);
    foreach (var line in File.ReadLines("/proc/self/maps"))
    {
        var at = line.IndexOf(folder, StringComparison.Ordinal);
        if (at >= 0) files.Add(line[at..]);
    }
    return (files.Count, files.Count(f => f.EndsWith(" (deleted)", StringComparison.Ordinal)));
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MyAlmaty.Learn.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("MyAlmaty.Learn.sln not found above " + AppContext.BaseDirectory);
}
