using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Export;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>Files and browser, both ways: the database written back as content/ and read in again.</summary>
public sealed class ContentExportTests
{
    [Fact]
    public async Task An_export_of_the_shipped_content_is_byte_for_byte_the_shipped_files_and_importing_it_gives_the_same_content()
    {
        await using var site = await TestSite.StartAsync();
        using var export = new TempFolder();

        var report = await ExportAsync(site, export.Path);

        var shipped = Files(RepoPaths.Content);
        Assert.Equal(shipped, Files(export.Path));
        Assert.Equal(shipped.Count, report.Written);
        foreach (var file in shipped)
        {
            var original = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Content, file));
            var exported = await File.ReadAllBytesAsync(Path.Combine(export.Path, file));
            Assert.True(original.SequenceEqual(exported), $"{file} differs");
        }

        // Read into an empty database, the export gives the same items, titles, texts and metadata.
        await using var other = await TestSite.StartAsync(contentPath: export.Path);
        Assert.Equal(await SnapshotAsync(site), await SnapshotAsync(other));
        // Read into the database it came from, it changes nothing.
        var again = await ImportAsync(site, export.Path);
        Assert.Equal((shipped.Count, 0, 0, 0), (again.Unchanged, again.Updated, again.Added, again.Problems.Count));
        // An export on top of itself writes nothing.
        Assert.Equal(0, (await ExportAsync(site, export.Path)).Written);
    }

    [Fact]
    public async Task Browser_edits_are_exported_and_read_back_without_a_conflict_and_a_draft_says_so()
    {
        await using var site = await TestSite.StartAsync();
        var lesson = new ContentKey("ru", ContentTypeNames.Lesson, "civic-activism");
        var about = new ContentKey("ru", ContentTypeNames.Page, "about");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var editing = scope.ServiceProvider.GetRequiredService<ContentEditing>();
            var version = (await editing.VersionAsync(lesson))!;
            Assert.IsType<SaveOutcome.Saved>(await editing.SaveAsync(lesson, version.Source.Replace(version.Title, "Гражданский активизм (из браузера)"), version.Number, "editor", null, publish: true));
            var page = (await editing.VersionAsync(about))!;
            Assert.IsType<SaveOutcome.Saved>(await editing.SaveAsync(about, page.Source + "\nЧерновой абзац.\n", page.Number, "editor", null, publish: false));
        }
        using var export = new TempFolder();
        await ExportAsync(site, export.Path);

        Assert.Contains("title: \"Гражданский активизм (из браузера)\"", await File.ReadAllTextAsync(Path.Combine(export.Path, "lessons/civic-activism.ru.md")));
        var draft = await File.ReadAllTextAsync(Path.Combine(export.Path, "pages/about.ru.md"));
        Assert.Contains("\nstatus: draft\n", draft);
        Assert.Contains("Черновой абзац.", draft);

        var report = await ImportAsync(site, export.Path);
        Assert.Empty(report.Problems);
        Assert.Equal(0, report.Updated);

        // A fresh site that reads the export has the browser's versions, the draft as a draft.
        await using var other = await TestSite.StartAsync(contentPath: export.Path);
        await using var check = other.Services.CreateAsyncScope();
        var editing2 = check.ServiceProvider.GetRequiredService<ContentEditing>();
        Assert.Equal("Гражданский активизм (из браузера)", (await editing2.VersionAsync(lesson))!.Title);
        Assert.False((await editing2.VersionAsync(about))!.Published);
    }

    [Fact]
    public async Task A_file_changed_after_a_browser_edit_is_reported_with_file_item_and_both_versions_and_the_browser_version_stays()
    {
        using var content = new TempFolder();
        SampleContent.WriteTo(content);
        using var data = new TempFolder();
        await using var site = await TestSite.StartOnAsync(data, $"--Site:ContentPath={content.Path}");
        var key = new ContentKey("ru", ContentTypeNames.Page, "about");
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var editing = scope.ServiceProvider.GetRequiredService<ContentEditing>();
            var version = (await editing.VersionAsync(key))!;
            Assert.IsType<SaveOutcome.Saved>(await editing.SaveAsync(key, version.Source.Replace("О нас.", "О нас — из браузера."), version.Number, "editor", null, publish: true));
        }
        content.Write("pages/about.ru.md", SampleContent.Page.Replace("О нас.", "О нас — из файла."));

        var report = await ImportAsync(site, content.Path);

        var conflict = Assert.Single(report.Problems);
        Assert.Equal((ProblemSeverity.Warning, "pages/about.ru.md", ImportMessages.EditedInBrowser), (conflict.Severity, conflict.Path, conflict.Message));
        Assert.Equal([2, "editor"], conflict.Arguments);
        await using var after = site.Services.CreateAsyncScope();
        Assert.Contains("из браузера", (await after.ServiceProvider.GetRequiredService<ContentEditing>().VersionAsync(key))!.Body);
    }

    [Fact]
    public async Task Deleting_a_file_never_deletes_published_content()
    {
        using var content = new TempFolder();
        SampleContent.WriteTo(content);
        using var data = new TempFolder();
        await using var site = await TestSite.StartOnAsync(data, $"--Site:ContentPath={content.Path}");
        File.Delete(Path.Combine(content.Path, "pages/about.ru.md"));

        var report = await ImportAsync(site, content.Path);

        Assert.Contains(report.Problems, p => p.Path == "pages/about.ru.md" && p.Message == ImportMessages.RemovedFile);
        var (_, page) = await Html.GetAsync(site.Client, "/ru/about");
        Assert.Equal("О программе", page.QuerySelector("h1")!.TextContent.Trim());
    }

    private static List<string> Files(string root) =>
        Directory.GetFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static async Task<ExportReport> ExportAsync(TestSite site, string root)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentExporter>().ExportAsync(root);
    }

    private static async Task<ImportReport> ImportAsync(TestSite site, string root)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(root);
    }

    private static async Task<string> SnapshotAsync(TestSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentItemVersion>().AsNoTracking()
            .Where(v => v.Latest)
            .Select(v => new { v.ContentItem!.ContentType, v.ContentItem.Culture, v.ContentItem.TranslationKey, v.ContentItem.SourcePath, v.Title, v.Slug, v.Body, v.Metadata, v.Published, v.Source })
            .ToListAsync();
        return string.Join("\n", rows.OrderBy(r => r.SourcePath, StringComparer.Ordinal).Select(r => System.Text.Json.JsonSerializer.Serialize(r)));
    }
}
