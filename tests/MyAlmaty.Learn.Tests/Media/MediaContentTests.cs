using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Media;
using MyAlmaty.Learn.Tests.Admin;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Media;

/// <summary>Pictures of the library in lessons, summaries and pages: how they are written, shown and checked, and where the library says they are used.</summary>
public sealed class MediaContentTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private TestSite Site => fixture.Site;

    private UiStrings Strings => Site.Services.GetRequiredService<UiStrings>();

    [Fact]
    public async Task A_lesson_shows_the_picture_in_its_served_widths_with_the_alt_text_of_its_own_language()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var hash = await MediaUploads.UploadAsync(editor, TestImages.Jpeg(2400, 1600));

        foreach (var culture in Cultures.All)
        {
            using var saved = await SaveLessonAsync(editor, culture, "active-residents", $"Вступление.\n\n![](media:{hash})\n\nПродолжение.", publish: true);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        foreach (var (culture, alt) in new[] { ("ru", MediaUploads.AltRu), ("kk", MediaUploads.AltKk) })
        {
            var (_, page) = await Html.GetAsync(Site.Client, PublicUrl(culture, ContentTypeNames.Lesson, "active-residents"));
            var img = Assert.Single(page.QuerySelectorAll(".prose img"));
            Assert.Equal($"/media/{hash}-960.webp", img.GetAttribute("src"));
            Assert.Equal($"/media/{hash}-480.webp 480w, /media/{hash}-960.webp 960w, /media/{hash}-1600.webp 1600w", img.GetAttribute("srcset"));
            Assert.Equal(MediaMarkdownExtension.Sizes, img.GetAttribute("sizes"));
            Assert.Equal(("1600", "1067"), (img.GetAttribute("width"), img.GetAttribute("height")));
            Assert.Equal(alt, img.GetAttribute("alt"));
            Assert.Equal(("lazy", "async"), (img.GetAttribute("loading"), img.GetAttribute("decoding")));
            using var picture = await Site.Client.GetAsync(img.GetAttribute("src"));
            Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        }
    }

    [Fact]
    public async Task A_kazakh_lesson_with_a_picture_that_has_no_kazakh_alt_text_is_not_saved_and_the_message_says_why()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var hash = await MediaUploads.UploadAsync(editor, TestImages.Jpeg(800, 600), altKk: "");
        var body = $"Кіріспе.\n\n![](media:{hash})";

        using var refused = await SaveLessonAsync(editor, "kk", "civic-activism", body, publish: true);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(Strings.Get("ru", MediaMessages.NoKazakhAlt, hash), page.QuerySelector("#field-body-errors")!.TextContent.Trim());
        Assert.Equal(body, page.QuerySelector("#field-body")!.TextContent);

        // The Russian lesson has its alt text; the Kazakh one can say it in the brackets.
        using var russian = await SaveLessonAsync(editor, "ru", "civic-activism", $"Вступление.\n\n![](media:{hash})", publish: true);
        using var described = await SaveLessonAsync(editor, "kk", "civic-activism", $"Кіріспе.\n\n![Ағаш отырғызу](media:{hash})", publish: true);
        Assert.Equal(HttpStatusCode.Redirect, russian.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, described.StatusCode);
        var (_, kazakh) = await Html.GetAsync(Site.Client, PublicUrl("kk", ContentTypeNames.Lesson, "civic-activism"));
        Assert.Equal("Ағаш отырғызу", kazakh.QuerySelector(".prose img")!.GetAttribute("alt"));

        using var unknown = await SaveLessonAsync(editor, "ru", "civic-activism", "![](media:0123456789abcdef)", publish: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Equal(Strings.Get("ru", MediaMessages.UnknownImage, "0123456789abcdef"),
            Html.Parse(await unknown.Content.ReadAsStringAsync()).QuerySelector("#field-body-errors")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_imported_file_showing_a_picture_without_alt_text_in_its_language_is_reported_with_its_line_and_not_loaded()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var hash = await MediaUploads.UploadAsync(editor, TestImages.Jpeg(801, 601), altKk: "");
        using var folder = new TempFolder();
        folder.Write("pages/yard-photos.ru.md", $"---\ntype: Page\ntitle: Фото двора\n---\n\nТекст.\n\n![](media:{hash})\n");
        folder.Write("pages/yard-photos.kk.md", $"---\ntype: Page\ntitle: Аула суреттері\n---\n\nМәтін.\n\n![](media:{hash})\n");

        ImportReport report;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(folder.Path);
        }

        var problem = Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(("pages/yard-photos.kk.md", 8, MediaMessages.NoKazakhAlt), (problem.Path, problem.Line, problem.Message));
        Assert.Equal(1, report.Added);
    }

    [Fact]
    public async Task The_media_list_shows_each_picture_with_its_alt_texts_who_uploaded_it_and_where_it_is_used()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var hash = await MediaUploads.UploadAsync(editor, TestImages.Jpeg(1000, 700), altKk: "");
        using (var lesson = await SaveLessonAsync(editor, "ru", "from-cleanup-to-project", $"![](media:{hash})\n\nТекст урока.", publish: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, lesson.StatusCode);
        }
        using (var draft = await SaveAsync(editor, "/admin/content/pages/ru/about", $"О программе.\n\n![Фото](media:{hash})", publish: false))
        {
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        }

        var (_, list) = await AdminForms.OpenAsync(editor, "/admin/media");

        var row = list.QuerySelectorAll(".media-table tbody tr").Single(r => r.QuerySelector("code.snippet")!.TextContent == $"![](media:{hash})");
        Assert.Equal($"/media/{hash}-480.webp", row.QuerySelector("img")!.GetAttribute("src"));
        Assert.Contains("1000 × 700", row.TextContent);
        Assert.Equal(MediaUploads.AltRu, row.QuerySelector(".alts span[lang=ru]")!.TextContent);
        Assert.NotNull(row.QuerySelector(".alts .missing"));
        Assert.Contains("editor", row.TextContent, StringComparison.OrdinalIgnoreCase);
        var uses = row.QuerySelectorAll(".uses li").ToList();
        Assert.Equal(2, uses.Count);
        var lessonUse = uses.Single(u => u.QuerySelector("a")!.GetAttribute("href") == "/admin/content/lessons/ru/from-cleanup-to-project");
        Assert.NotNull(lessonUse.QuerySelector(".status-published"));
        var pageUse = uses.Single(u => u.QuerySelector("a")!.GetAttribute("href") == "/admin/content/pages/ru/about");
        Assert.NotNull(pageUse.QuerySelector(".status-draft"));

        var (_, item) = await AdminForms.OpenAsync(editor, $"/admin/media/{hash}");
        Assert.Equal($"![](media:{hash})", item.QuerySelector("pre code.snippet")!.TextContent);
        Assert.Equal(2, item.QuerySelectorAll(".uses li").Length);
    }

    [Fact]
    public async Task The_media_list_is_paged()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        for (var i = 0; i < 21; i++) await MediaUploads.UploadAsync(editor, TestImages.Png(40 + i, 30));

        var (_, first) = await AdminForms.OpenAsync(editor, "/admin/media");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await AdminForms.OpenAsync(editor, next);

        Assert.Equal(20, first.QuerySelectorAll(".media-table tbody tr").Length);
        Assert.Equal("/admin/media?page=2", next);
        Assert.NotEmpty(second.QuerySelectorAll(".media-table tbody tr"));
        Assert.NotNull(second.QuerySelector("a[rel=prev]"));
    }

    [Fact]
    public async Task An_alt_text_in_use_cannot_be_removed_and_a_changed_one_reaches_the_page_at_once()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var hash = await MediaUploads.UploadAsync(editor, TestImages.Jpeg(1100, 700));
        using (var lesson = await SaveLessonAsync(editor, "ru", "grassroots-initiatives", $"![](media:{hash})\n\nТекст.", publish: true))
        {
            Assert.Equal(HttpStatusCode.Redirect, lesson.StatusCode);
        }
        var (_, page) = await AdminForms.OpenAsync(editor, $"/admin/media/{hash}");
        var fields = AdminForms.Fields(page, $"form[action='/admin/media/{hash}']");

        using var refused = await AdminForms.PostAsync(editor, $"/admin/media/{hash}", new Dictionary<string, string>(fields) { ["altRu"] = " " });
        using var changed = await AdminForms.PostAsync(editor, $"/admin/media/{hash}", new Dictionary<string, string>(fields) { ["altRu"] = "Субботник во дворе на Абая" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(Strings.Get("ru", MediaMessages.AltInUse), Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#field-altRu-errors")!.TextContent.Trim());
        Assert.Equal($"/admin/media/{hash}?notice=described", changed.Headers.Location!.OriginalString);
        var (_, live) = await Html.GetAsync(Site.Client, PublicUrl("ru", ContentTypeNames.Lesson, "grassroots-initiatives"));
        Assert.Equal("Субботник во дворе на Абая", live.QuerySelector(".prose img")!.GetAttribute("alt"));
    }

    private static Task<HttpResponseMessage> SaveLessonAsync(HttpClient editor, string culture, string key, string body, bool publish) =>
        SaveAsync(editor, $"/admin/content/lessons/{culture}/{key}", body, publish);

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string item, string body, bool publish)
    {
        var (_, page) = await AdminForms.OpenAsync(editor, item);
        var fields = AdminForms.Fields(page);
        fields["body"] = body;
        return await AdminForms.PostAsync(editor, publish ? $"{item}/save-and-publish" : item, fields);
    }

    private string PublicUrl(string culture, string type, string key)
    {
        var catalog = Site.Services.GetRequiredService<PublishedContent>().Current;
        return Site.Services.GetRequiredService<ContentUrls>().UrlFor(catalog.ByKey(culture, type, key)!, catalog)!;
    }
}
