using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Admin;

/// <summary>The translation workflow in the admin: coverage, an outdated translation with what changed, updating it, marking it, versions compared and brought back.</summary>
public sealed class TranslationAdminTests
{
    private const string Ru = "/admin/content/lessons/ru/civic-activism";
    private const string Kk = "/admin/content/lessons/kk/civic-activism";

    [Fact]
    public async Task A_source_publish_makes_the_translation_outdated_with_its_diff_and_updating_or_marking_it_makes_it_up_to_date()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);
        var (_, before) = await AdminForms.OpenAsync(editor, "/admin/translations");
        Assert.Null(before.QuerySelector(".count-outdated"));

        await PublishEditAsync(editor, Ru, body => body.Replace("Житель и гражданин", "Житель, соседи и гражданин"));

        var (_, coverage) = await AdminForms.OpenAsync(editor, "/admin/translations");
        var outdated = coverage.QuerySelector(".count-outdated")!;
        Assert.Equal("1", outdated.TextContent);
        var (_, list) = await AdminForms.OpenAsync(editor, outdated.GetAttribute("href")!.Replace("&amp;", "&"));
        var link = list.QuerySelectorAll("section a").Select(a => a.GetAttribute("href")).Single(h => h!.EndsWith("/translation", StringComparison.Ordinal));
        Assert.Equal($"{Kk}/translation", link);
        var (_, translation) = await AdminForms.OpenAsync(editor, link!);
        Assert.NotNull(translation.QuerySelector(".status-outdated"));
        Assert.Contains("соседи", translation.QuerySelector(".diff ins")!.TextContent);

        // The editor updates the Kazakh lesson beside its source and publishes it: up to date.
        var (_, form) = await AdminForms.OpenAsync(editor, Kk);
        Assert.Contains("Житель, соседи и гражданин", form.QuerySelector(".source-panel")!.TextContent);
        var fields = AdminForms.Fields(form);
        Assert.Equal("2", fields["synced"]);
        fields["body"] = fields["body"].Replace("Тұрғын және азамат", "Тұрғын, көршілер және азамат");
        using var saved = await AdminForms.PostAsync(editor, $"{Kk}/save-and-publish", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, now) = await AdminForms.OpenAsync(editor, $"{Kk}/translation");
        Assert.Null(now.QuerySelector(".status-outdated"));
        Assert.NotNull(now.QuerySelector(".status-uptodate"));

        // Another change in the source that needs nothing here is marked, and the mark is journalled.
        await PublishEditAsync(editor, Ru, body => body + "\n\nЕщё одна фраза.");
        var (_, again) = await AdminForms.OpenAsync(editor, $"{Kk}/translation");
        Assert.NotNull(again.QuerySelector(".status-outdated"));
        using var marked = await AdminForms.PostAsync(editor, $"{Kk}/mark-up-to-date", AdminForms.Fields(again, "form[action$='/mark-up-to-date']"));
        Assert.Equal($"{Kk}/translation?notice=marked", marked.Headers.Location!.OriginalString);
        var (_, done) = await AdminForms.OpenAsync(editor, $"{Kk}/translation");
        Assert.NotNull(done.QuerySelector(".status-uptodate"));
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentChange>()
            .AnyAsync(c => c.Operation == ContentOperation.MarkedUpToDate && c.Culture == "kk" && c.TranslationKey == "civic-activism"));
    }

    [Fact]
    public async Task Translating_a_new_item_makes_a_linked_draft_prefilled_from_the_source()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);
        var (_, page) = await AdminForms.OpenAsync(editor, "/admin/content/new/pages/ru");
        var fields = AdminForms.Fields(page);
        fields["key"] = "partners";
        fields["title"] = "Партнёры программы";
        fields["body"] = "Кто нам помогает.";
        using var created = await AdminForms.PostAsync(editor, "/admin/content/new/pages/ru", fields);
        var (_, ru) = await AdminForms.OpenAsync(editor, "/admin/content/pages/ru/partners");

        using var translate = await AdminForms.PostAsync(editor, "/admin/content/pages/ru/partners/translate", AdminForms.Fields(ru, "form[action$='/translate']"));

        Assert.Equal("/admin/content/pages/kk/partners?notice=translation-started", translate.Headers.Location!.OriginalString);
        var (_, kk) = await AdminForms.OpenAsync(editor, "/admin/content/pages/kk/partners");
        Assert.Equal("Кто нам помогает.", AdminForms.Fields(kk)["body"]);
        Assert.Contains("Партнёры программы", kk.QuerySelector(".source-panel")!.TextContent);
    }

    [Fact]
    public async Task Two_versions_are_compared_field_by_field_and_line_by_line_and_an_old_one_is_brought_back_as_a_new_draft()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);
        await PublishEditAsync(editor, Ru, body => body.Replace("Житель и гражданин", "Горожанин и гражданин"), title: "Гражданский активизм — вторая редакция");

        var (_, diff) = await AdminForms.OpenAsync(editor, $"{Ru}/diff?from=1&to=2");
        Assert.Contains("Гражданский активизм — вторая редакция", diff.QuerySelector(".diff-fields")!.TextContent);
        Assert.Contains("Горожанин", diff.QuerySelector(".diff ins")!.TextContent);
        Assert.Contains("Житель", diff.QuerySelector(".diff del")!.TextContent);

        var (_, versions) = await AdminForms.OpenAsync(editor, $"{Ru}/versions");
        using var back = await AdminForms.PostAsync(editor, $"{Ru}/rollback", AdminForms.Fields(versions, "form[action$='/rollback']"));
        Assert.Equal($"{Ru}?notice=rolled-back", back.Headers.Location!.OriginalString);
        var (_, after) = await AdminForms.OpenAsync(editor, Ru);
        var now = AdminForms.Fields(after);
        Assert.Equal("3", now["base"]);
        Assert.Contains("Житель и гражданин", now["body"]);
        // A draft: the site still shows version 2 until it is published.
        var (_, live) = await Html.GetAsync(site.Client, "/ru/courses/grassroots/civic-activism");
        Assert.Contains("вторая редакция", live.QuerySelector("h1")!.TextContent);
    }

    private static async Task PublishEditAsync(HttpClient editor, string url, Func<string, string> body, string? title = null)
    {
        var (_, page) = await AdminForms.OpenAsync(editor, url);
        var fields = AdminForms.Fields(page);
        fields["body"] = body(fields["body"]);
        if (title is not null) fields["title"] = title;
        fields.Remove("synced");
        using var saved = await AdminForms.PostAsync(editor, $"{url}/save-and-publish", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
