using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.BrowserTests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>
/// An editor's day in a real browser: edit a Russian lesson in the form, preview it, publish it and see
/// it live; find its Kazakh translation outdated in the coverage table, read what changed, update and
/// publish it, and see both live and up to date. Every admin page on the way passes axe-core in the
/// editor's Kazakh interface and in an administrator's Russian one.
/// </summary>
public sealed class AdminJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    [Fact]
    public async Task An_editor_edits_previews_and_publishes_a_lesson_then_brings_its_outdated_translation_up_to_date()
    {
        var visited = new List<string>();
        var editorContext = await site.NewContextAsync();
        await using var _ = editorContext;
        var page = await editorContext.NewPageAsync();
        await SignInAsync(page, RoleNames.Editor, "kk");

        // The content list, filtered to Russian lessons, and the lesson's form.
        await Open(page, "/admin", visited);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Әкімшілік бөлімдері" }).GetByRole(AriaRole.Link, new() { Name = "Материалдар" }).ClickAsync();
        await page.SelectOptionAsync("#type", "Lesson");
        await page.SelectOptionAsync("#culture", "ru");
        await page.GetByRole(AriaRole.Button, new() { Name = "Көрсету" }).ClickAsync();
        visited.Add(PageFacts.PathOf(page) + new Uri(page.Url).Query);
        await page.GetByRole(AriaRole.Link, new() { Name = "Гражданский активизм: созидание и защита прав" }).ClickAsync();
        Assert.Equal("/admin/content/lessons/ru/civic-activism", PageFacts.PathOf(page));
        visited.Add(PageFacts.PathOf(page));

        await page.FillAsync("#field-title", "Гражданский активизм: созидание, соседство и права");
        var body = await page.InputValueAsync("#field-body");
        await page.FillAsync("#field-body", body.Replace("## Житель и гражданин", "## Житель, сосед и гражданин"));
        await page.FillAsync("#field-note", "Заголовок и раздел о соседях");

        // The preview opens beside the form, in the site's own theme; nothing is saved.
        var preview = await editorContext.RunAndWaitForPageAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Алдын ала қарау" }).ClickAsync());
        await preview.WaitForLoadStateAsync();
        Assert.Equal("Гражданский активизм: созидание, соседство и права", await PageFacts.H1Async(preview));
        Assert.Contains("Житель, сосед и гражданин", await preview.Locator(".prose").InnerTextAsync());
        await preview.CloseAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Сақтап, жариялау" }).ClickAsync();
        Assert.Contains("Жарияланды", await page.Locator("[role=status]").InnerTextAsync());
        var reader = await editorContext.NewPageAsync();
        await BrowserSite.OpenAsync(reader, "/ru/courses/grassroots/civic-activism");
        Assert.Equal("Гражданский активизм: созидание, соседство и права", await PageFacts.H1Async(reader));

        // The coverage table finds the Kazakh lesson outdated; its page shows what changed.
        await page.GetByRole(AriaRole.Link, new() { Name = "Аудармалар" }).First.ClickAsync();
        visited.Add(PageFacts.PathOf(page));
        await page.Locator(".count-outdated").First.ClickAsync();
        visited.Add(PageFacts.PathOf(page) + new Uri(page.Url).Query);
        await page.GetByRole(AriaRole.Link, new() { Name = "не өзгерді" }).ClickAsync();
        Assert.Equal("/admin/content/lessons/kk/civic-activism/translation", PageFacts.PathOf(page));
        visited.Add(PageFacts.PathOf(page));
        Assert.Equal("Ескірген", (await page.Locator(".status-outdated").InnerTextAsync()).Trim());
        Assert.Contains("сосед", await page.Locator(".diff").InnerTextAsync());

        // The editor updates the translation beside its source and publishes it.
        await page.GetByRole(AriaRole.Link, new() { Name = "Аударманы жаңарту" }).ClickAsync();
        Assert.Contains("Житель, сосед и гражданин", await page.Locator(".source-panel").InnerTextAsync());
        Assert.True(await page.Locator("input[name=synced]").IsCheckedAsync());
        await page.FillAsync("#field-title", "Азаматтық белсенділік: жасампаздық, көршілік және құқық");
        var kazakh = await page.InputValueAsync("#field-body");
        await page.FillAsync("#field-body", kazakh.Replace("## Тұрғын және азамат", "## Тұрғын, көрші және азамат"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Сақтап, жариялау" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Аударма", Exact = true }).ClickAsync();
        Assert.Equal("Өзекті", (await page.Locator(".status-uptodate").InnerTextAsync()).Trim());

        await BrowserSite.OpenAsync(reader, "/kk/courses/grassroots/civic-activism");
        Assert.Equal("Азаматтық белсенділік: жасампаздық, көршілік және құқық", await PageFacts.H1Async(reader));
        await BrowserSite.OpenAsync(reader, "/ru/courses/grassroots/civic-activism");
        Assert.Contains("Житель, сосед и гражданин", await reader.Locator("main").InnerTextAsync());

        // Every admin page used, in the editor's Kazakh interface and an administrator's Russian one.
        visited.AddRange(["/admin/content/lessons/kk/civic-activism", "/admin/content/lessons/ru/civic-activism/source", "/admin/content/lessons/ru/civic-activism/versions",
            "/admin/content/lessons/ru/civic-activism/diff?from=1&to=2", "/admin/content/new/pages/kk", "/admin/content/quizzes/ru/civic-activism/delete"]);
        var problems = new StringBuilder();
        await CheckAsync(page, visited, problems);
        var adminContext = await site.NewContextAsync();
        await using var __ = adminContext;
        var admin = await adminContext.NewPageAsync();
        await SignInAsync(admin, RoleNames.Administrator, "ru");
        await CheckAsync(admin, visited, problems);
        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static async Task Open(IPage page, string path, List<string> visited)
    {
        await BrowserSite.OpenAsync(page, path);
        visited.Add(path);
    }

    private async Task SignInAsync(IPage page, string role, string culture)
    {
        string token;
        await using (var scope = site.Site.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync($"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org", role, role, culture);
        }
        await BrowserSite.OpenAsync(page, $"/{culture}/account/link/{token}?purpose=setup");
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal($"/{culture}/my", PageFacts.PathOf(page));
    }

    private static async Task CheckAsync(IPage page, IEnumerable<string> paths, StringBuilder problems)
    {
        foreach (var path in paths.Distinct())
        {
            await BrowserSite.OpenAsync(page, path);
            var result = await page.RunAxe();
            if (result.Passes.Length == 0) problems.Append($"\naxe-core checked nothing on {path}");
            foreach (var violation in result.Violations.Where(v => v.Impact is not null && Blocking.Contains(v.Impact)))
            {
                problems.Append($"\n{path} ({await PageFacts.LangAsync(page)}): {violation.Id} ({violation.Impact}) {violation.Help}: {string.Join(", ", violation.Nodes.Select(n => n.Target?.ToString()))}");
            }
        }
    }
}
