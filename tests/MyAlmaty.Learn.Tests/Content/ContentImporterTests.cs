using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

public sealed class ContentImporterTests
{
    [Fact]
    public async Task The_shipped_content_imports_without_a_single_problem_in_both_languages()
    {
        await using var content = await ContentServices.CreateAsync();

        var report = await content.ImportAsync(RepoPaths.Content);

        Assert.Empty(report.Problems);
        foreach (var culture in new[] { "ru", "kk" })
        {
            Assert.Equal(2, content.Catalog.OfType(culture, ContentTypeNames.Course).Count);
            Assert.True(content.Catalog.OfType(culture, ContentTypeNames.Lesson).Count >= 8);
            Assert.True(content.Catalog.OfType(culture, ContentTypeNames.GlossaryTerm).Count >= 5);
            Assert.Single(content.Catalog.OfType(culture, ContentTypeNames.SessionSummary));
            Assert.Equal(3, content.Catalog.OfType(culture, MyAlmaty.Learn.Workshops.WorkshopTypeNames.Workshop).Count);
        }
    }

    [Fact]
    public async Task Importing_unchanged_files_again_writes_nothing()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        var first = await content.ImportAsync();
        var versionsBefore = await content.QueryAsync(db => db.Set<ContentItemVersion>().AsNoTracking().ToListAsync());

        var second = await content.ImportAsync();

        Assert.Equal((5, 0, 0), (first.Added, first.Updated, first.Unchanged));
        Assert.Equal((0, 0, 5), (second.Added, second.Updated, second.Unchanged));
        var versionsAfter = await content.QueryAsync(db => db.Set<ContentItemVersion>().AsNoTracking().ToListAsync());
        Assert.Equal(
            versionsBefore.Select(v => (v.Id, v.Number, v.Latest, v.Published, v.ContentHash, v.CreatedUtc)),
            versionsAfter.Select(v => (v.Id, v.Number, v.Latest, v.Published, v.ContentHash, v.CreatedUtc)));
    }

    [Fact]
    public async Task A_changed_file_becomes_a_new_published_version_and_the_old_one_is_kept()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        content.WriteContent("lessons/l.ru.md", SampleContent.Lesson.Replace("title: Урок", "title: Урок, исправленный"));

        var report = await content.ImportAsync();

        Assert.Equal(1, report.Updated);
        var versions = await content.QueryAsync(db => db.Set<ContentItemVersion>().Where(v => v.ContentItem!.TranslationKey == "l").OrderBy(v => v.Number).ToListAsync());
        Assert.Equal([(1, false, false), (2, true, true)], versions.Select(v => (v.Number, v.Latest, v.Published)));
        Assert.Equal("Урок, исправленный", content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "l")!.Title);
    }

    [Fact]
    public async Task A_draft_file_does_not_replace_what_the_public_sees()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        content.WriteContent("pages/about.ru.md", "---\ntype: Page\ntitle: Черновик\nstatus: draft\n---\nЕщё пишется.");

        await content.ImportAsync();

        Assert.Equal("О программе", content.Catalog.BySlug("ru", ContentTypeNames.Page, "about")!.Title);
        var latest = await content.QueryAsync(db => db.Set<ContentItemVersion>().SingleAsync(v => v.Latest && v.ContentItem!.TranslationKey == "about"));
        Assert.Equal(("Черновик", false), (latest.Title, latest.Published));
    }

    [Fact]
    public async Task A_removed_file_is_reported_and_its_content_kept()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        File.Delete(Path.Combine(content.ContentRoot, "glossary/g.ru.md"));

        var report = await content.ImportAsync();

        var warning = Assert.Single(report.Problems);
        Assert.Equal(("glossary/g.ru.md", ProblemSeverity.Warning, ImportMessages.RemovedFile), (warning.Path, warning.Severity, warning.Message));
        Assert.NotNull(content.Catalog.BySlug("ru", ContentTypeNames.GlossaryTerm, "g"));
    }

    [Fact]
    public async Task A_file_that_breaks_keeps_its_last_good_version_live()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        content.WriteContent("pages/about.ru.md", "---\ntype: Page\ntitle: [сломано\n---\n");

        var report = await content.ImportAsync();

        Assert.True(report.HasErrors);
        Assert.Equal("О программе", content.Catalog.BySlug("ru", ContentTypeNames.Page, "about")!.Title);
    }

    [Fact]
    public async Task Translations_are_paired_by_file_name_or_by_translation_key()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("pages/about.ru.md", SampleContent.Page);
        content.WriteContent("pages/about.kk.md", "---\ntype: Page\ntitle: Бағдарлама туралы\n---\nБіз туралы.");
        content.WriteContent("pages/help.ru.md", "---\ntype: Page\ntitle: Помощь\n---\nТекст.");
        content.WriteContent("pages/komek.kk.md", "---\ntype: Page\ntitle: Көмек\ntranslationKey: help\n---\nМәтін.");

        await content.ImportAsync();

        var about = content.Catalog.BySlug("ru", ContentTypeNames.Page, "about")!;
        Assert.Equal("Бағдарлама туралы", content.Catalog.TranslationOf(about, "kk")!.Title);
        var help = content.Catalog.BySlug("ru", ContentTypeNames.Page, "help")!;
        Assert.Equal("Көмек", content.Catalog.TranslationOf(help, "kk")!.Title);
    }

    [Fact]
    public async Task A_browser_edit_survives_an_import_that_finds_the_file_unchanged()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        await EditInBrowserAsync(content);

        // What a restart does: import content/ again, the file as it was.
        var report = await content.ImportAsync();

        Assert.Equal((0, 0), (report.Updated, report.Problems.Count));
        Assert.Equal("О программе — из браузера", content.Catalog.BySlug("ru", ContentTypeNames.Page, "about")!.Title);
    }

    [Fact]
    public async Task A_file_changed_after_a_browser_edit_is_reported_as_a_conflict_and_the_browser_version_stays()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        var version = await EditInBrowserAsync(content);
        content.WriteContent("pages/about.ru.md", "---\ntype: Page\ntitle: О программе — из файла\n---\nНовый текст из файла.");

        var report = await content.ImportAsync();

        var conflict = Assert.Single(report.Problems);
        Assert.Equal(("pages/about.ru.md", ProblemSeverity.Warning, ImportMessages.EditedInBrowser), (conflict.Path, conflict.Severity, conflict.Message));
        Assert.Equal(new object?[] { version, "editor@example.org" }, conflict.Arguments);
        Assert.Equal(0, report.Updated);
        Assert.Equal("О программе — из браузера", content.Catalog.BySlug("ru", ContentTypeNames.Page, "about")!.Title);
    }

    [Fact]
    public async Task A_changed_file_still_updates_an_item_nobody_edited_in_the_browser()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        content.WriteContent("pages/about.ru.md", "---\ntype: Page\ntitle: О программе — из файла\n---\nНовый текст из файла.");

        var report = await content.ImportAsync();

        Assert.Equal((1, 0), (report.Updated, report.Problems.Count));
        Assert.Equal("О программе — из файла", content.Catalog.BySlug("ru", ContentTypeNames.Page, "about")!.Title);
    }

    /// <summary>An editor revises the Russian about page in the browser and publishes it; returns the new version's number.</summary>
    private static async Task<int> EditInBrowserAsync(ContentServices content)
    {
        await using var scope = content.Services.CreateAsyncScope();
        var key = new ContentKey("ru", ContentTypeNames.Page, "about");
        Assert.True(await scope.ServiceProvider.GetRequiredService<ContentPublishing>().ReviseAsync(key, "О программе — из браузера", "Текст из браузера.", "editor@example.org", publish: true));
        return await content.QueryAsync(db => db.Set<ContentItemVersion>().Where(v => v.Latest && v.ContentItem!.TranslationKey == "about" && v.ContentItem.Culture == "ru").Select(v => v.Number).SingleAsync());
    }
}
