using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Admin;

/// <summary>The admin's content pages over HTTP: the form, the source box, preview, publishing, conflicts, and who may see what.</summary>
public sealed class ContentAdminTests
{
    private const string Term = "/admin/content/glossary/ru/citizen";

    [Fact]
    public async Task An_editor_changes_a_term_in_the_form_publishes_it_and_the_site_shows_it()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);
        var (_, page) = await AdminForms.OpenAsync(editor, Term);
        var fields = AdminForms.Fields(page);
        Assert.Equal("1", fields["base"]);
        fields["title"] = "Гражданин — новая редакция";
        fields["f.aliases"] = "граждане\r\nгражданка";
        fields["note"] = "Уточнил заголовок";

        using var saved = await AdminForms.PostAsync(editor, $"{Term}/save-and-publish", fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"{Term}?notice=published", saved.Headers.Location!.OriginalString);
        var (_, live) = await Html.GetAsync(site.Client, "/ru/glossary/citizen");
        Assert.Equal("Гражданин — новая редакция", live.QuerySelector("h1")!.TextContent.Trim());
        var (_, after) = await AdminForms.OpenAsync(editor, $"{Term}?notice=published");
        Assert.Equal("граждане\nгражданка", AdminForms.Fields(after)["f.aliases"]);
        Assert.NotNull(after.QuerySelector("[role=status]"));
        var (_, versions) = await AdminForms.OpenAsync(editor, $"{Term}/versions");
        Assert.Contains("Уточнил заголовок", versions.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task A_form_with_errors_comes_back_with_the_text_intact_and_the_messages_beside_the_fields_in_the_editors_language()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor, "kk");
        var (_, page) = await AdminForms.OpenAsync(editor, "/admin/content/lessons/ru/civic-activism");
        var fields = AdminForms.Fields(page);
        fields["f.takeaways"] = "";
        fields["f.readingMinutes"] = "көп";
        fields["body"] = "Мой новый абзац, который нельзя потерять.";

        using var refused = await AdminForms.PostAsync(editor, "/admin/content/lessons/ru/civic-activism", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("kk", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Мой новый абзац, который нельзя потерять.", again.QuerySelector("#field-body")!.TextContent);
        Assert.Equal("көп", again.QuerySelector("#field-readingMinutes")!.GetAttribute("value"));
        Assert.Equal("true", again.QuerySelector("#field-readingMinutes")!.GetAttribute("aria-invalid"));
        var minutes = again.QuerySelector("#field-readingMinutes-errors")!.TextContent;
        Assert.Contains("Оқу уақыты, минут", minutes);
        Assert.Contains("1", minutes);
        Assert.NotNull(again.QuerySelector("#field-takeaways-errors"));
        // Nothing was saved.
        var (_, live) = await Html.GetAsync(site.Client, "/ru/courses/grassroots/civic-activism");
        Assert.DoesNotContain("Мой новый абзац", live.Body!.TextContent);
    }

    [Fact]
    public async Task The_source_box_reports_the_parsers_line_and_a_stale_save_gets_the_conflict_page_with_both_versions()
    {
        await using var site = await TestSite.StartAsync();
        using var first = await RoleClients.SignInAsync(site, RoleNames.Editor);
        using var second = await RoleClients.SignInAsync(site, RoleNames.Editor);
        var (_, page) = await AdminForms.OpenAsync(first, $"{Term}/source");
        var opened = AdminForms.Fields(page);
        var (_, page2) = await AdminForms.OpenAsync(second, $"{Term}/source");
        var opened2 = AdminForms.Fields(page2);

        var broken = new Dictionary<string, string>(opened) { ["source"] = opened["source"].Replace("title:", "title: [не закрыто\nsummary: x\ntitle2:") };
        using var refused = await AdminForms.PostAsync(first, $"{Term}/source", broken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var report = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Matches(@"Строка \d+", report.QuerySelector(".problems")!.TextContent);
        Assert.Equal(broken["source"].Replace("\r\n", "\n"), report.QuerySelector("#source")!.TextContent);

        var mine = new Dictionary<string, string>(opened) { ["source"] = opened["source"].Replace("Гражданин", "Гражданин (первый)") };
        using var saved = await AdminForms.PostAsync(first, $"{Term}/source", mine);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var theirs = new Dictionary<string, string>(opened2) { ["source"] = opened2["source"].Replace("Гражданин", "Гражданин (второй)") };
        using var conflict = await AdminForms.PostAsync(second, $"{Term}/source", theirs);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var both = Html.Parse(await conflict.Content.ReadAsStringAsync());
        var boxes = both.QuerySelectorAll("textarea").Select(t => t.TextContent).ToList();
        Assert.Contains(boxes, b => b.Contains("Гражданин (первый)"));
        Assert.Contains(boxes, b => b.Contains("Гражданин (второй)"));
    }

    [Fact]
    public async Task A_preview_renders_unsaved_text_with_the_sites_theme_glossary_and_sanitizer_and_for_kazakh_in_both_alphabets()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);
        var (_, page) = await AdminForms.OpenAsync(editor, "/admin/content/lessons/kk/civic-activism");
        var fields = AdminForms.Fields(page);
        fields["body"] = "Азамат туралы.\n\n::: note\nЕскерту.\n:::\n\n<script>alert(1)</script>";

        using var preview = await AdminForms.PostAsync(editor, "/admin/content/lessons/kk/civic-activism/preview", fields);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = Html.Parse(await preview.Content.ReadAsStringAsync());
        Assert.Equal("noindex, nofollow", html.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Null(html.QuerySelector(".prose script"));
        Assert.NotNull(html.QuerySelector(".prose a[href='/kk/glossary/citizen']"));
        Assert.NotNull(html.QuerySelector(".prose .callout.callout-note"));
        Assert.Contains("Azamat", html.QuerySelector("article[lang=kk-Latn]")!.TextContent);
        // Nothing was saved.
        var (_, again) = await AdminForms.OpenAsync(editor, "/admin/content/lessons/kk/civic-activism");
        Assert.Equal("1", AdminForms.Fields(again)["base"]);
    }

    [Fact]
    public async Task A_facilitator_sees_and_edits_session_summaries_only()
    {
        await using var site = await TestSite.StartAsync();
        using var facilitator = await RoleClients.SignInAsync(site, RoleNames.Facilitator);
        var (_, list) = await AdminForms.OpenAsync(facilitator, "/admin/content");
        var links = list.QuerySelectorAll("table a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.StartsWith("/admin/content/summaries/", l));
        var nav = list.QuerySelectorAll(".admin-nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/admin/users", nav);

        var (_, summary) = await AdminForms.OpenAsync(facilitator, links[0]);
        var fields = AdminForms.Fields(summary);
        fields["title"] += " (дополнено)";
        using var saved = await AdminForms.PostAsync(facilitator, $"{links[0]}/save-and-publish", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var lesson = await facilitator.GetAsync("/admin/content/lessons/ru/civic-activism");
        Assert.Equal(HttpStatusCode.Forbidden, lesson.StatusCode);
    }

    [Fact]
    public async Task The_content_list_filters_sorts_pages_and_searches_drafts()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var publishing = scope.ServiceProvider.GetRequiredService<Learn.Content.ContentPublishing>();
            Assert.True(await publishing.ReviseAsync(new("ru", ContentTypeNames.Page, "about"), "О программе", "Черновик со словом коворкингпарк.", "editor", publish: false));
        }

        var (_, lessons) = await AdminForms.OpenAsync(editor, "/admin/content?type=Lesson&culture=kk&sort=title");
        var titles = lessons.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        var catalog = site.Services.GetRequiredService<PublishedContent>().Current;
        Assert.Equal(catalog.OfType("kk", ContentTypeNames.Lesson).Count, titles.Count);
        Assert.Equal(titles.Order(StringComparer.Create(new System.Globalization.CultureInfo("kk"), false)), titles);

        var (_, drafts) = await AdminForms.OpenAsync(editor, "/admin/content?status=draft");
        Assert.Single(drafts.QuerySelectorAll("tbody tr"));

        var (_, found) = await AdminForms.OpenAsync(editor, "/admin/content?q=коворкингпарк");
        Assert.Equal("/admin/content/pages/ru/about", Assert.Single(found.QuerySelectorAll("tbody tr a")).GetAttribute("href"));

        var (_, all) = await AdminForms.OpenAsync(editor, "/admin/content");
        Assert.Equal(50, all.QuerySelectorAll("tbody tr").Length);
        var next = all.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await AdminForms.OpenAsync(editor, next);
        Assert.Equal(catalog.Items.Count + 0 - 50 + CountUnpublished(site), second.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public async Task Deleting_a_quiz_lists_the_lessons_that_point_at_it_first_then_deletes_it_with_its_versions()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);

        var (_, confirm) = await AdminForms.OpenAsync(editor, "/admin/content/quizzes/ru/civic-activism/delete");

        var listed = confirm.QuerySelectorAll(".problems li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/admin/content/lessons/ru/civic-activism"], listed);
        Assert.Contains("«Тест»", confirm.QuerySelector(".problems")!.TextContent);
        using var deleted = await AdminForms.PostAsync(editor, "/admin/content/quizzes/ru/civic-activism/delete", AdminForms.Fields(confirm, "form[action$='/delete']"));
        Assert.Equal("/admin/content?notice=deleted", deleted.Headers.Location!.OriginalString);
        using var gone = await editor.GetAsync("/admin/content/quizzes/ru/civic-activism");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        // The Kazakh quiz stays, and a term nothing points at says so.
        await AdminForms.OpenAsync(editor, "/admin/content/quizzes/kk/civic-activism");
        var (_, term) = await AdminForms.OpenAsync(editor, "/admin/content/glossary/ru/civil-society/delete");
        Assert.Null(term.QuerySelector(".problems"));
    }

    [Fact]
    public async Task An_editor_creates_a_new_page_as_a_draft_and_a_taken_or_bad_key_is_explained()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor, "kk");
        var (_, list) = await AdminForms.OpenAsync(editor, "/admin/content");
        Assert.Contains("/admin/content/new/pages/kk", list.QuerySelectorAll(".new-item a").Select(a => a.GetAttribute("href")));
        var (_, page) = await AdminForms.OpenAsync(editor, "/admin/content/new/pages/kk");
        var fields = AdminForms.Fields(page);
        fields["key"] = "volunteer-guide";
        fields["title"] = "Еріктілерге арналған нұсқаулық";
        fields["body"] = "Қалай қосылуға болады.";

        using var created = await AdminForms.PostAsync(editor, "/admin/content/new/pages/kk", fields);

        Assert.Equal("/admin/content/pages/kk/volunteer-guide?notice=saved", created.Headers.Location!.OriginalString);
        var (_, item) = await AdminForms.OpenAsync(editor, "/admin/content/pages/kk/volunteer-guide");
        Assert.Equal("Еріктілерге арналған нұсқаулық", item.QuerySelector("h1")!.TextContent.Trim());
        using var notLive = await site.Client.GetAsync("/kk/volunteer-guide");
        Assert.Equal(HttpStatusCode.NotFound, notLive.StatusCode);

        using var taken = await AdminForms.PostAsync(editor, "/admin/content/new/pages/kk", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        var again = Html.Parse(await taken.Content.ReadAsStringAsync());
        Assert.Contains("volunteer-guide", again.QuerySelector("#field-key-errors")!.TextContent);
        Assert.Equal("Қалай қосылуға болады.", again.QuerySelector("#field-body")!.TextContent);

        fields["key"] = "Жаңа бет";
        using var bad = await AdminForms.PostAsync(editor, "/admin/content/new/pages/kk", fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.NotNull(Html.Parse(await bad.Content.ReadAsStringAsync()).QuerySelector("#field-key-errors"));
    }

    [Fact]
    public async Task The_content_list_filters_by_the_state_of_the_translation()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var publishing = scope.ServiceProvider.GetRequiredService<Learn.Content.ContentPublishing>();
            Assert.True(await publishing.ReviseAsync(new("ru", ContentTypeNames.GlossaryTerm, "citizen"), "Гражданин", "Новый текст определения.", "editor", publish: true));
        }

        var (_, outdated) = await AdminForms.OpenAsync(editor, "/admin/content?translation=outdated");
        Assert.Equal(["/admin/content/glossary/kk/citizen"], outdated.QuerySelectorAll("tbody tr a").Select(a => a.GetAttribute("href")));
        Assert.Equal("outdated", outdated.QuerySelector("#translation option[selected]")!.GetAttribute("value"));

        var (_, upToDate) = await AdminForms.OpenAsync(editor, "/admin/content?translation=uptodate&type=GlossaryTerm&culture=kk");
        var links = upToDate.QuerySelectorAll("tbody tr a").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(links);
        Assert.DoesNotContain("/admin/content/glossary/kk/citizen", links);
        Assert.All(links, l => Assert.StartsWith("/admin/content/glossary/kk/", l));
    }

    private static int CountUnpublished(TestSite site)
    {
        using var scope = site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Learn.Data.LearnDbContext>();
        return db.Set<Learn.Content.ContentItem>().Count(i => !i.Versions.Any(v => v.Published));
    }
}
