using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web;
using MyAlmaty.Learn.Web.Hosting;

// The admin area's speed targets (see tests/Benchmarks/README.md):
//   AdminBench [--items 10000] [--requests 400] [--previews 100] [--publishes 20] [--repo <root>]
// Runs the site in this process on 127.0.0.1 with a temporary data folder, the shipped content and
// generated items, signs in an administrator, and prints a Markdown table.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
int Number(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var itemCount = Number("items", 10_000);
var requests = Number("requests", 400);
var previews = Number("previews", 100);
var publishes = Number("publishes", 20);
var repo = options.GetValueOrDefault("repo") ?? FindRepo();
var data = Directory.CreateTempSubdirectory("admin-bench-").FullName;
void Log(string text) => Console.Error.WriteLine($"admin-bench: {text}");

try
{
    var builder = SiteHost.CreateBuilder([
        "--urls", "http://127.0.0.1:0", $"--Site:DataPath={data}", $"--Site:ContentPath={Path.Combine(repo, "content")}",
        $"--Site:ThemesPath={Path.Combine(repo, "themes")}", "--Site:AccountRequestsPerMinute=100000",
    ]);
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
    var app = SiteHost.Build(builder);
    await app.Services.GetRequiredService<SiteInitializer>().StartAsync(import: true);
    Log($"generating {itemCount} items…");
    var clock = Stopwatch.StartNew();
    await GenerateAsync(app.Services, itemCount);
    await app.Services.GetRequiredService<PublishedContent>().ReloadAsync();
    Log($"generated in {clock.Elapsed.TotalSeconds:0.0} s; starting the site (the search index catches up)…");
    await app.StartAsync();
    var address = new Uri(app.Urls.First());

    var cookies = new CookieContainer();
    using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = address };
    await SignInAsync(app.Services, http);

    // 1. The content list: filters, orders and pages over all the items.
    var random = new Random(7);
    string[] lists =
    [
        "/admin/content", "/admin/content?type=Page", "/admin/content?culture=kk", "/admin/content?status=draft", "/admin/content?status=published&culture=ru",
        "/admin/content?sort=title", "/admin/content?sort=-title&type=Page&culture=ru", "/admin/content?type=Lesson", "/admin/content?status=unpublished",
    ];
    string ListUrl(int i)
    {
        var url = lists[i % lists.Length];
        var page = random.Next(1, itemCount / 50 / 2);
        return $"{url}{(url.Contains('?') ? '&' : '?')}page={page}";
    }
    for (var i = 0; i < 30; i++) await TimeGetAsync(http, ListUrl(i));
    var listTimes = new List<double>();
    for (var i = 0; i < requests; i++) listTimes.Add(await TimeGetAsync(http, ListUrl(i)));
    Log("content list done");
    // The list's two queries alone, per filter, to tell the database's share from the page's.
    var queryTimes = new List<double>();
    var byPattern = new Dictionary<string, List<double>>();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var list = scope.ServiceProvider.GetRequiredService<ContentList>();
        var allTypes = scope.ServiceProvider.GetRequiredService<ContentTypeRegistry>().Names.ToList();
        ContentListQuery Query(int i) => (i % 5) switch
        {
            0 => new ContentListQuery { Types = allTypes, Page = random.Next(1, 100) },
            1 => new ContentListQuery { Types = [ContentTypeNames.Page], Culture = "kk", Page = random.Next(1, 50) },
            2 => new ContentListQuery { Types = allTypes, Status = ContentStatus.Draft, Page = random.Next(1, 30) },
            3 => new ContentListQuery { Types = allTypes, Sort = ContentSort.Title, Descending = false, Page = random.Next(1, 100) },
            _ => new ContentListQuery { Types = allTypes, Status = ContentStatus.Unpublished },
        };
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            await list.QueryAsync(Query(i));
            var ms = watch.Elapsed.TotalMilliseconds;
            if (i >= 20) queryTimes.Add(ms);
            (byPattern.TryGetValue($"q{i % 5}", out var l) ? l : byPattern[$"q{i % 5}"] = []).Add(ms);
        }
    }
    foreach (var (k, v) in byPattern) Log($"{k}: median {v.Order().ElementAt(v.Count / 2):0.0} ms");

    // 2. Preview of a 5,000-word lesson, through the whole request (parse, check, render with the glossary, theme).
    var previewForm = await FormAsync(http, "/admin/content/lessons/ru/civic-activism");
    previewForm["body"] = LongLesson(5000);
    for (var i = 0; i < 10; i++) await TimePostAsync(http, "/admin/content/lessons/ru/civic-activism/preview", previewForm);
    var previewTimes = new List<double>();
    for (var i = 0; i < previews; i++) previewTimes.Add(await TimePostAsync(http, "/admin/content/lessons/ru/civic-activism/preview", previewForm));
    // The server's part alone: the same work without HTTP.
    var serverTimes = new List<double>();
    await using (var scope = app.Services.CreateAsyncScope())
    {
        var editing = scope.ServiceProvider.GetRequiredService<ContentEditing>();
        var renderer = scope.ServiceProvider.GetRequiredService<MyAlmaty.Learn.Content.Rendering.ContentRenderer>();
        var version = (await editing.VersionAsync(new ContentKey("ru", ContentTypeNames.Lesson, "civic-activism")))!;
        var source = version.Source.Replace(version.Body, previewForm["body"]);
        for (var i = 0; i < 10 + previews; i++)
        {
            var watch = Stopwatch.StartNew();
            var (file, _) = await editing.CheckAsync(version.Key, source);
            renderer.RenderDraft("ru", file!.Body);
            if (i >= 10) serverTimes.Add(watch.Elapsed.TotalMilliseconds);
        }
    }
    Log("preview done");

    // 3. A publish, from the admin's form to the public page and to search.
    var publishTimes = new List<double>();
    var searchTimes = new List<double>();
    for (var i = 0; i < publishes; i++)
    {
        var word = $"вехамаркер{(char)('а' + i % 30)}{(char)('а' + i / 30 % 30)}";
        var form = await FormAsync(http, "/admin/content/pages/ru/about");
        form["body"] = $"Обновление {i}: {word}.";
        var watch = Stopwatch.StartNew();
        using (var saved = await http.PostAsync("/admin/content/pages/ru/about/save-and-publish", new FormUrlEncodedContent(form)))
        {
            if (saved.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"publish answered {(int)saved.StatusCode}");
        }
        double? onPage = null;
        double? inSearch = null;
        using var reader = new HttpClient { BaseAddress = address };
        while (watch.Elapsed < TimeSpan.FromSeconds(5) && (onPage is null || inSearch is null))
        {
            if (onPage is null && (await reader.GetStringAsync("/ru/about")).Contains(word, StringComparison.Ordinal)) onPage = watch.Elapsed.TotalMilliseconds;
            if (inSearch is null && (await reader.GetStringAsync($"/ru/search.json?q={Uri.EscapeDataString(word)}")).Contains("about", StringComparison.Ordinal)) inSearch = watch.Elapsed.TotalMilliseconds;
            await Task.Delay(5);
        }
        publishTimes.Add(onPage ?? double.NaN);
        searchTimes.Add(inSearch ?? double.NaN);
    }
    Log("publish done");

    Console.WriteLine($"Admin benchmark: {itemCount} generated items + the shipped content, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}.");
    Console.WriteLine();
    Console.WriteLine("| measure | samples | p50 ms | p99 ms | max ms | target |");
    Console.WriteLine("|---|---:|---:|---:|---:|---|");
    Row("content list page (filters, orders, pages), whole request", listTimes, "p99 ≤ 50 ms");
    Row("content list, its two queries alone", queryTimes, "");
    Row("preview of a 5,000-word lesson, whole request", previewTimes, "");
    Row("preview of a 5,000-word lesson, server work (check + render)", serverTimes, "≤ 20 ms");
    Row("publish → the public page shows it", publishTimes, "≤ 1,000 ms");
    Row("publish → search finds it", searchTimes, "≤ 1,000 ms");
    return 0;
}
finally
{
    if (!options.ContainsKey("keep")) { try { Directory.Delete(data, recursive: true); } catch (IOException) { } }
    else Log($"kept {data}");
}

static void Row(string name, List<double> times, string target)
{
    var sorted = times.Order().ToList();
    double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
    Console.WriteLine($"| {name} | {sorted.Count} | {At(0.5):0.0} | {At(0.99):0.0} | {sorted[^1]:0.0} | {target} |");
}

static async Task<double> TimeGetAsync(HttpClient http, string url)
{
    var watch = Stopwatch.StartNew();
    using var response = await http.GetAsync(url);
    await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
    return watch.Elapsed.TotalMilliseconds;
}

static async Task<double> TimePostAsync(HttpClient http, string url, Dictionary<string, string> form)
{
    var watch = Stopwatch.StartNew();
    using var response = await http.PostAsync(url, new FormUrlEncodedContent(form));
    await response.Content.ReadAsByteArrayAsync();
    if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
    return watch.Elapsed.TotalMilliseconds;
}

static async Task<Dictionary<string, string>> FormAsync(HttpClient http, string url)
{
    var html = await http.GetStringAsync(url);
    var form = html[html.IndexOf("<form class=\"edit-form\"", StringComparison.Ordinal)..];
    form = form[..form.IndexOf("</form>", StringComparison.Ordinal)];
    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
    foreach (Match m in Regex.Matches(form, "<input[^>]*name=\"(?<n>[^\"]+)\"[^>]*value=\"(?<v>[^\"]*)\"")) fields[m.Groups["n"].Value] = WebUtility.HtmlDecode(m.Groups["v"].Value);
    foreach (Match m in Regex.Matches(form, "<textarea[^>]*name=\"(?<n>[^\"]+)\"[^>]*>(?<v>[^<]*)</textarea>")) fields[m.Groups["n"].Value] = WebUtility.HtmlDecode(m.Groups["v"].Value);
    foreach (Match m in Regex.Matches(form, "<select[^>]*name=\"(?<n>[^\"]+)\"[^>]*>(?<o>.*?)</select>", RegexOptions.Singleline))
    {
        var selected = Regex.Match(m.Groups["o"].Value, "<option value=\"(?<v>[^\"]*)\" selected");
        fields[m.Groups["n"].Value] = selected.Success ? WebUtility.HtmlDecode(selected.Groups["v"].Value) : "";
    }
    fields.Remove("synced");
    return fields;
}

static async Task SignInAsync(IServiceProvider services, HttpClient http)
{
    string token;
    await using (var scope = services.CreateAsyncScope())
    {
        token = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync("bench-admin@example.org", RoleNames.Administrator, "Bench", "ru");
    }
    var link = $"/ru/account/link/{token}?purpose=setup";
    var html = await http.GetStringAsync(link);
    var field = Regex.Match(html, "<input type=\"hidden\" name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]+)\"");
    using var response = await http.PostAsync($"/ru/account/link/{token}", new FormUrlEncodedContent([new(field.Groups["n"].Value, field.Groups["v"].Value), new("purpose", "setup")]));
    if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in answered {(int)response.StatusCode}");
}

/// <summary>Pages in both languages, a third of them with a draft over the published version, with their journal entries.</summary>
static async Task GenerateAsync(IServiceProvider services, int count)
{
    var words = "город двор сосед активист инициатива парк улица дерево субботник проект встреча акимат жители община площадь мост река горы транспорт воздух".Split(' ');
    var random = new Random(11);
    string Text(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[random.Next(words.Length)]));
    var type = services.GetRequiredService<ContentTypeRegistry>().Get(ContentTypeNames.Page);
    var now = DateTime.UtcNow;
    for (var start = 0; start < count; start += 1000)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        for (var i = start; i < Math.Min(count, start + 1000); i++)
        {
            var culture = i % 2 == 0 ? "ru" : "kk";
            var item = new ContentItem { ContentType = type.Name, Culture = culture, TranslationKey = $"bench-{i / 2:00000}", CreatedUtc = now };
            db.Add(item);
            var versions = i % 3 == 0 ? 2 : 1;
            for (var n = 1; n <= versions; n++)
            {
                var title = $"{char.ToUpperInvariant(words[random.Next(words.Length)][0])}{Text(4)[1..]}";
                var body = Text(200);
                var source = ContentSource.WithTitleAndBody(null, type, title, body);
                var version = new ContentItemVersion
                {
                    Title = title, Slug = item.TranslationKey, Body = body, Source = source,
                    Metadata = JsonSerializer.Serialize(new PageMetadata(), ContentVersionWriter.MetadataJson),
                    ContentHash = ContentEditing.Hash(source), Author = "bench",
                };
                ContentVersioning.AddVersion(item, version, publish: n == 1, now.AddMinutes(-random.Next(100_000)));
                ContentJournal.Record(db, item, n == 1 ? ContentOperation.Created : ContentOperation.Revised, "bench", now, n);
            }
        }
        await db.SaveChangesAsync();
    }
}

static string LongLesson(int words)
{
    var sentence = "Городские активисты и соседи вместе решают, каким будет двор, парк и улица, а гражданский активизм растёт из таких общих дел.".Split(' ');
    var text = new StringBuilder();
    for (var i = 0; i < words; i++)
    {
        if (i % 120 == 0) text.Append(i % 600 == 0 ? $"\n\n## Раздел {i / 600 + 1}\n\n" : "\n\n");
        text.Append(sentence[i % sentence.Length]).Append(' ');
    }
    return text.ToString().Trim();
}

static string FindRepo()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MyAlmaty.Learn.sln"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run from within the repository, or pass --repo.");
}
