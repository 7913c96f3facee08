using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>Saving in the browser: the form and the source box go through the importer's parser, and a stale save is a conflict.</summary>
public sealed class ContentEditingTests
{
    private static readonly ContentKey Lesson = new("ru", ContentTypeNames.Lesson, "civic-activism");

    [Fact]
    public async Task Every_shipped_file_put_back_together_from_its_own_form_values_reads_exactly_the_same()
    {
        await using var site = await TestSite.StartAsync();
        var parser = site.Services.GetRequiredService<ContentFileParser>();
        var types = site.Services.GetRequiredService<ContentTypeRegistry>();
        var files = Directory.GetFiles(RepoPaths.Content, "*.md", SearchOption.AllDirectories).Where(f => !f.EndsWith("README.md", StringComparison.Ordinal)).ToList();
        Assert.True(files.Count > 50);
        foreach (var path in files)
        {
            var relative = Path.GetRelativePath(RepoPaths.Content, path);
            var text = await File.ReadAllTextAsync(path);
            var original = Parse(parser, relative, text);
            var (frontMatter, body) = ContentSource.Split(text)!.Value;
            var values = ContentSource.Values(frontMatter);
            var composed = ContentSource.Compose(text, types.Get(original.ContentType), values["title"], values.GetValueOrDefault("slug"),
                values.ToDictionary(v => v.Key, v => (string?)v.Value), body);
            var again = Parse(parser, relative, composed);
            Assert.Equal((original.Title, original.Slug, original.Body, original.Draft), (again.Title, again.Slug, again.Body, again.Draft));
            Assert.Equal(Json(original.Metadata), Json(again.Metadata));
        }
    }

    [Fact]
    public async Task A_form_edit_changes_only_what_it_changed_and_new_values_are_quoted_as_yaml_needs()
    {
        await using var site = await TestSite.StartAsync();
        var parser = site.Services.GetRequiredService<ContentFileParser>();
        var lesson = site.Services.GetRequiredService<ContentTypeRegistry>().Get(ContentTypeNames.Lesson);
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Content, "lessons", "civic-activism.ru.md"));
        var values = ContentSource.Values(ContentSource.Split(text)!.Value.FrontMatter);
        var takeaways = values["takeaways"].Split('\n');

        var composed = ContentSource.Compose(text, lesson, "Активизм: #1 — «созидание» и защита", null, new Dictionary<string, string?>
        {
            ["takeaways"] = string.Join('\n', takeaways.Reverse()),
            ["readingMinutes"] = "12",
            ["quiz"] = "",
            ["summary"] = values["summary"],
        }, "Новый текст: [ссылка](https://example.org).");

        var file = Parse(parser, "lessons/civic-activism.ru.md", composed);
        Assert.Equal("Активизм: #1 — «созидание» и защита", file.Title);
        Assert.Equal(takeaways.Reverse(), file.Metadata is LessonMetadata m ? m.Takeaways : []);
        Assert.Equal(12, ((LessonMetadata)file.Metadata).ReadingMinutes);
        Assert.Null(((LessonMetadata)file.Metadata).Quiz);
        Assert.Equal("Новый текст: [ссылка](https://example.org).", file.Body);
        // The summary was not changed, so its line is the file's own.
        Assert.Contains(text.Split('\n').First(l => l.StartsWith("summary:", StringComparison.Ordinal)), composed);
    }

    [Fact]
    public async Task A_save_becomes_the_next_version_with_its_journal_entry_and_a_publish_reaches_the_site()
    {
        await using var site = await TestSite.StartAsync();
        var latest = (await VersionAsync(site, Lesson))!;
        var source = latest.Source.Replace(latest.Title, "Гражданский активизм — новая редакция");

        var saved = Assert.IsType<SaveOutcome.Saved>(await SaveAsync(site, Lesson, source, latest.Number, publish: true, note: "Заголовок короче"));

        Assert.Equal(latest.Number + 1, saved.Number);
        var now = (await VersionAsync(site, Lesson))!;
        Assert.Equal(source, now.Source);
        Assert.True(now.Published);
        Assert.Equal("Гражданский активизм — новая редакция", site.Services.GetRequiredService<PublishedContent>().Current.ByKey("ru", ContentTypeNames.Lesson, "civic-activism")!.Title);
        await using var scope = site.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentChange>()
            .Where(c => c.TranslationKey == "civic-activism" && c.Culture == "ru" && c.Actor == "editor-1").OrderBy(c => c.Id).ToListAsync();
        Assert.Equal([(ContentOperation.Revised, (int?)saved.Number, (string?)"Заголовок короче"), (ContentOperation.Published, saved.Number, null)],
            entries.Select(e => (e.Operation, e.VersionNumber, e.Note)));
    }

    [Fact]
    public async Task Two_editors_saving_the_same_version_the_second_gets_a_conflict_with_the_first_ones_version_and_nothing_is_lost()
    {
        await using var site = await TestSite.StartAsync();
        var opened = (await VersionAsync(site, Lesson))!;

        var first = await SaveAsync(site, Lesson, opened.Source.Replace(opened.Title, "Правка первого"), opened.Number);
        var second = await SaveAsync(site, Lesson, opened.Source.Replace(opened.Title, "Правка второго"), opened.Number);

        Assert.IsType<SaveOutcome.Saved>(first);
        var conflict = Assert.IsType<SaveOutcome.Conflict>(second);
        Assert.Equal(opened.Number + 1, conflict.Theirs.Number);
        Assert.Equal("Правка первого", conflict.Theirs.Title);
        Assert.Equal("Правка первого", (await VersionAsync(site, Lesson))!.Title);

        // Both at the same moment: exactly one wins.
        var now = (await VersionAsync(site, Lesson))!;
        var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => SaveAsync(site, Lesson, now.Source.Replace(now.Title, $"Одновременно {i}"), now.Number)));
        Assert.Single(both.OfType<SaveOutcome.Saved>());
        Assert.Single(both.OfType<SaveOutcome.Conflict>());
    }

    [Fact]
    public async Task A_broken_source_is_refused_with_the_parsers_line_numbered_report_and_field_names()
    {
        await using var site = await TestSite.StartAsync();
        var latest = (await VersionAsync(site, Lesson))!;

        var yaml = Assert.IsType<SaveOutcome.Invalid>(await SaveAsync(site, Lesson, "---\ntype: Lesson\ntitle: [не закрыто\n---\nТекст.\n", latest.Number));
        var problem = Assert.Single(yaml.Problems);
        Assert.Equal(ImportMessages.BadYaml, problem.Message);
        Assert.Equal("lessons/civic-activism.ru.md", problem.Path);
        Assert.True(problem.Line is >= 2 and <= 4, $"line {problem.Line}");

        var number = Assert.IsType<SaveOutcome.Invalid>(await SaveAsync(site, Lesson, latest.Source.Replace("quiz: civic-activism", "quiz: civic-activism\nreadingMinutes: много"), latest.Number));
        Assert.Contains(number.Problems, p => p.Field == "readingMinutes" && p.Message == ImportMessages.BadNumber && p.Severity == ProblemSeverity.Error);

        var modules = Assert.IsType<SaveOutcome.Invalid>(await SaveAsync(site, new("ru", ContentTypeNames.CourseModule, "grassroots-people"),
            (await VersionAsync(site, new("ru", ContentTypeNames.CourseModule, "grassroots-people")))!.Source.Replace("lessons:", "lessons:\n  - no-such-lesson"),
            (await VersionAsync(site, new("ru", ContentTypeNames.CourseModule, "grassroots-people")))!.Number));
        Assert.Contains(modules.Problems, p => p.Field == "lessons" && p.Message == ImportMessages.MissingReference && p.Severity == ProblemSeverity.Error);

        // A missing quiz is only a warning, as at import: the lesson is saved.
        var quiz = Assert.IsType<SaveOutcome.Saved>(await SaveAsync(site, Lesson, latest.Source.Replace("quiz: civic-activism", "quiz: no-such-quiz"), latest.Number));
        Assert.Contains(quiz.Warnings, p => p.Field == "quiz" && p.Message == ImportMessages.MissingReference);
        latest = (await VersionAsync(site, Lesson))!;

        var key = Assert.IsType<SaveOutcome.Invalid>(await SaveAsync(site, Lesson, latest.Source.Replace("type: Lesson", "type: Lesson\ntranslationKey: other-key"), latest.Number));
        Assert.Contains(key.Problems, p => p.Message == EditingMessages.KeyChanged && p.Field == "translationKey");

        var slug = Assert.IsType<SaveOutcome.Invalid>(await SaveAsync(site, Lesson, latest.Source.Replace("type: Lesson", "type: Lesson\nslug: urban-activist"), latest.Number));
        Assert.Contains(slug.Problems, p => p.Message == ImportMessages.DuplicateSlug && p.Field == "slug");

        Assert.Equal(latest.Number, (await VersionAsync(site, Lesson))!.Number);
        Assert.Contains("no-such-quiz", latest.Source);
    }

    [Fact]
    public async Task Every_imported_version_keeps_its_file_exactly()
    {
        await using var site = await TestSite.StartAsync();
        await using var scope = site.Services.CreateAsyncScope();
        var items = await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentItem>().AsNoTracking()
            .Select(i => new { i.SourcePath, i.Versions.Single(v => v.Latest).Source }).ToListAsync();
        Assert.Equal(Directory.GetFiles(RepoPaths.Content, "*.md", SearchOption.AllDirectories).Count(f => !f.EndsWith("README.md", StringComparison.Ordinal)), items.Count);
        Assert.All(items, i => Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Content, i.SourcePath!)), i.Source));
    }

    private static ContentFile Parse(ContentFileParser parser, string path, string text)
    {
        var problems = new List<ImportProblem>();
        var file = parser.ParseText(path, text, problems);
        Assert.True(file is not null, $"{path}: {string.Join("; ", problems.Select(p => $"{p.Line}: {p.Message} {string.Join(", ", p.Arguments)}"))}\n{text}");
        return file;
    }

    private static string Json(ContentMetadata metadata) => System.Text.Json.JsonSerializer.Serialize(metadata, metadata.GetType(), ContentVersionWriter.MetadataJson);

    private static async Task<EditableVersion?> VersionAsync(TestSite site, ContentKey key)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentEditing>().VersionAsync(key);
    }

    private static async Task<SaveOutcome> SaveAsync(TestSite site, ContentKey key, string source, int? baseNumber, bool publish = false, string? note = null)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ContentEditing>().SaveAsync(key, source, baseNumber, "editor-1", note, publish);
    }
}
