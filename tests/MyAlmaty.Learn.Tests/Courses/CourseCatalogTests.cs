using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Courses;

public sealed class CourseCatalogTests
{
    [Fact]
    public async Task A_course_is_its_modules_in_order_and_a_module_its_lessons_in_order()
    {
        await using var content = await ContentServices.CreateAsync();
        await content.ImportAsync(RepoPaths.Content);
        var courses = content.Services.GetRequiredService<CourseCatalog>();

        var course = courses.Course("ru", "grassroots")!;

        Assert.Equal(["grassroots-people", "grassroots-initiatives"], course.Modules.Select(m => m.Module.TranslationKey));
        Assert.Equal(["urban-activist", "informal-communities", "grassroots-initiatives", "from-cleanup-to-project", "civic-activism", "active-residents"],
            course.Lessons.Select(l => l.TranslationKey));
        var position = course.PositionOf(course.Lessons[2])!;
        Assert.Equal((3, 6, "informal-communities", "from-cleanup-to-project", 2), (position.Number, position.Total, position.Previous!.Slug, position.Next!.Slug, position.Module.Number));
    }

    [Fact]
    public async Task A_lesson_can_serve_in_more_than_one_course_and_is_addressed_through_the_first()
    {
        await using var content = await ContentServices.CreateAsync();
        await content.ImportAsync(RepoPaths.Content);
        var courses = content.Services.GetRequiredService<CourseCatalog>();
        var lesson = content.Catalog.BySlug("kk", ContentTypeNames.Lesson, "active-residents")!;

        var containing = courses.CoursesContaining(lesson).Select(c => c.Course.Slug).Order().ToList();

        Assert.Equal(["grassroots", "smart-city"], containing);
        var url = content.Services.GetRequiredService<ContentUrls>().UrlFor(lesson, content.Catalog);
        Assert.Equal($"/kk/courses/{courses.CoursesContaining(lesson)[0].Course.Slug}/active-residents", url);
    }

    [Fact]
    public async Task Reading_time_is_estimated_from_the_words_unless_the_author_sets_it()
    {
        await using var content = await ContentServices.CreateAsync();
        var words = string.Join(' ', Enumerable.Repeat("слово", CourseCatalog.WordsPerMinute * 3 + 1));
        content.WriteContent("lessons/long.ru.md", $"---\ntype: Lesson\ntitle: Длинный\ntakeaways: [a]\n---\n{words}");
        content.WriteContent("lessons/set.ru.md", $"---\ntype: Lesson\ntitle: Заданный\ntakeaways: [a]\nreadingMinutes: 12\n---\n{words}");
        await content.ImportAsync();
        var courses = content.Services.GetRequiredService<CourseCatalog>();

        Assert.Equal(4, courses.ReadingMinutes(content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "long")!));
        Assert.Equal(12, courses.ReadingMinutes(content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "set")!));
    }

    [Fact]
    public async Task Every_shipped_lesson_reads_as_long_as_the_words_on_its_page_with_glossary_links_say()
    {
        await using var content = await ContentServices.CreateAsync();
        await content.ImportAsync(RepoPaths.Content);
        var courses = content.Services.GetRequiredService<CourseCatalog>();
        var renderer = content.Services.GetRequiredService<ContentRenderer>();
        var lessons = content.Catalog.Items.Where(i => i.ContentType == ContentTypeNames.Lesson).ToList();

        // The page's own count: the body as the lesson page renders it, glossary links and all.
        var linked = lessons.Where(l => renderer.Render(l).Html.Contains("class=\"term\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(linked);
        Assert.All(lessons, lesson =>
        {
            Assert.Equal(renderer.Render(lesson).WordCount, courses.WordCount(lesson));
            var fromPage = lesson.MetadataAs<LessonMetadata>().ReadingMinutes
                ?? Math.Max(1, (int)Math.Ceiling(renderer.Render(lesson).WordCount / (double)CourseCatalog.WordsPerMinute));
            Assert.Equal(fromPage, courses.ReadingMinutes(lesson));
        });
    }
}
