using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.BrowserTests.Support;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>
/// An editor's first day in a real browser: invited by an administrator (the link read from the mail
/// pickup folder), they upload a picture with its alt texts, edit a Russian lesson in the form with the
/// picture in it, preview it, publish it and see it live; find its Kazakh translation outdated in the
/// coverage table, read what changed, update and publish it, and see both live and up to date. Every
/// admin page on the way passes axe-core in the editor's Kazakh interface and in the administrator's Russian one.
/// </summary>
public sealed class AdminJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task An_editor_edits_previews_and_publishes_a_lesson_then_brings_its_outdated_translation_up_to_date()
    {
        var visited = new List<string>();
        var adminContext = await site.NewContextAsync();
        await using var __ = adminContext;
        var admin = await adminContext.NewPageAsync();
        await SignInAsync(admin, RoleNames.Administrator, "ru");

        // The administrator invites an editor, who will work in Kazakh.
        var email = $"editor-{Guid.NewGuid():N}@example.org";
        await BrowserSite.OpenAsync(admin, "/admin/users");
        await admin.FillAsync("#invite-email", email);
        await admin.FillAsync("#invite-name", "Дәурен");
        await admin.SelectOptionAsync("#invite-role", RoleNames.Editor);
        await admin.Locator("input[name=culture][value=kk]").CheckAsync();
        await admin.Locator("form.invite-form button[type=submit]").ClickAsync();
        var invitation = (await Mailbox.WaitForAsync(site.Site.MailFolder, email)).Single();
        var editorContext = await site.NewContextAsync();
        await using var _ = editorContext;
        var page = await editorContext.NewPageAsync();
        await BrowserSite.OpenAsync(page, Mailbox.LinkIn(invitation));
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal("/admin", PageFacts.PathOf(page));

        // A picture with its alt text in both languages.
        await Open(page, "/admin/media", visited);
        await page.SetInputFilesAsync("#field-file", new FilePayload { Name = "subbotnik.png", MimeType = "image/png", Buffer = Picture() });
        await page.FillAsync("#field-altRu", "Соседи вместе убирают двор");
        await page.FillAsync("#field-altKk", "Көршілер ауланы бірге тазалап жатыр");
        await page.Locator("form[action='/admin/media'] button[type=submit]").ClickAsync();
        Assert.StartsWith("/admin/media/", PageFacts.PathOf(page));
        visited.Add(PageFacts.PathOf(page));
        var snippet = (await page.Locator("code.snippet").InnerTextAsync()).Trim();
        Assert.StartsWith("![](media:", snippet);

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
        await page.FillAsync("#field-body", body.Replace("## Житель и гражданин", "## Житель, сосед и гражданин\n\n" + snippet));
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
        var picture = reader.Locator("main img[srcset]");
        Assert.Equal("Соседи вместе убирают двор", await picture.GetAttributeAsync("alt"));
        Assert.True(await picture.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the picture did not load");

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
        await page.FillAsync("#field-body", kazakh.Replace("## Тұрғын және азамат", "## Тұрғын, көрші және азамат\n\n" + snippet));
        await page.GetByRole(AriaRole.Button, new() { Name = "Сақтап, жариялау" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Аударма", Exact = true }).ClickAsync();
        Assert.Equal("Өзекті", (await page.Locator(".status-uptodate").InnerTextAsync()).Trim());

        await BrowserSite.OpenAsync(reader, "/kk/courses/grassroots/civic-activism");
        Assert.Equal("Азаматтық белсенділік: жасампаздық, көршілік және құқық", await PageFacts.H1Async(reader));
        Assert.Equal("Көршілер ауланы бірге тазалап жатыр", await reader.Locator("main img[srcset]").GetAttributeAsync("alt"));
        await BrowserSite.OpenAsync(reader, "/ru/courses/grassroots/civic-activism");
        Assert.Contains("Житель, сосед и гражданин", await reader.Locator("main").InnerTextAsync());

        // Every admin page used, in the editor's Kazakh interface and an administrator's Russian one.
        visited.AddRange(["/admin/audit", "/admin/content/lessons/kk/civic-activism", "/admin/content/lessons/ru/civic-activism/source", "/admin/content/lessons/ru/civic-activism/versions",
            "/admin/content/lessons/ru/civic-activism/diff?from=1&to=2", "/admin/content/new/pages/kk", "/admin/content/quizzes/ru/civic-activism/delete"]);
        var problems = new StringBuilder();
        await AxePages.CheckAsync(page, visited, problems);
        string[] people = ["/admin/users", $"/admin/users?q={Uri.EscapeDataString(email)}"];
        await AxePages.CheckAsync(admin, [.. visited, .. people], problems);
        var kazakhAdminContext = await site.NewContextAsync();
        await using var ___ = kazakhAdminContext;
        var kazakhAdmin = await kazakhAdminContext.NewPageAsync();
        await SignInAsync(kazakhAdmin, RoleNames.Administrator, "kk");
        await AxePages.CheckAsync(kazakhAdmin, people, problems);
        Assert.True(problems.Length == 0, problems.ToString());
    }

    private static byte[] Picture()
    {
        using var bitmap = new SkiaSharp.SKBitmap(1200, 800);
        using (var canvas = new SkiaSharp.SKCanvas(bitmap))
        {
            canvas.Clear(new SkiaSharp.SKColor(0x2e, 0x7d, 0x32));
            using var paint = new SkiaSharp.SKPaint { Color = new SkiaSharp.SKColor(0xff, 0xc1, 0x07) };
            canvas.DrawCircle(600, 400, 250, paint);
        }
        using var data = bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return data.ToArray();
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
}
