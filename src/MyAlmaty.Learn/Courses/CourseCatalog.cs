using System.Collections.Concurrent;
using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Courses;

/// <summary>
/// The course structure of the current catalog: courses → modules → lessons, resolved by
/// translation key within a culture. Rebuilt once per catalog. A module or lesson that is not
/// published is left out of the outline rather than breaking the course.
/// </summary>
/// <remarks>
/// Reading time counts the words of the body rendered without a glossary: glossary links wrap
/// words a reader sees anyway, so the count is the page's, and the catalog needs no addresses —
/// the course routes, which need the catalog, stay out of its way.
/// </remarks>
public sealed class CourseCatalog(PublishedContent published, MarkdownRenderer markdown)
{
    /// <summary>Words per minute of attentive reading for an estimate of reading time.</summary>
    public const int WordsPerMinute = 180;

    private static readonly IReadOnlyList<GlossaryLink> NoGlossary = [];

    private sealed record Snapshot(long Stamp, Dictionary<string, IReadOnlyList<CourseOutline>> ByCulture)
    {
        /// <summary>Words of each version's body, counted once while this catalog is current.</summary>
        public ConcurrentDictionary<int, int> WordCounts { get; } = new();
    }

    private Snapshot? _snapshot;

    public IReadOnlyList<CourseOutline> Courses(string culture) => Current().ByCulture.GetValueOrDefault(culture) ?? [];

    public CourseOutline? Course(string culture, string slug) => Courses(culture).FirstOrDefault(c => c.Course.Slug == slug);

    public IReadOnlyList<CourseOutline> CoursesContaining(PublishedItem lesson) =>
        Courses(lesson.Culture).Where(c => c.Lessons.Any(l => l.ItemId == lesson.ItemId)).ToList();

    public int ReadingMinutes(PublishedItem lesson) =>
        lesson.MetadataAs<LessonMetadata>().ReadingMinutes
        ?? Math.Max(1, (int)Math.Ceiling(WordCount(lesson) / (double)WordsPerMinute));

    public int ReadingMinutes(CourseOutline course) => course.Lessons.Sum(ReadingMinutes);

    /// <summary>The words a reader sees in the item's body.</summary>
    public int WordCount(PublishedItem item) =>
        Current().WordCounts.GetOrAdd(item.VersionId, _ => markdown.Render(item.Body, new MarkdownRenderContext(item.Culture, NoGlossary)).WordCount);

    private Snapshot Current()
    {
        var catalog = published.Current;
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot?.Stamp == catalog.Stamp) return snapshot;
        snapshot = new Snapshot(catalog.Stamp, Build(catalog));
        Volatile.Write(ref _snapshot, snapshot);
        return snapshot;
    }

    private static Dictionary<string, IReadOnlyList<CourseOutline>> Build(ContentCatalog catalog) =>
        catalog.Items.Where(i => i.ContentType == ContentTypeNames.Course)
            .GroupBy(i => i.Culture)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CourseOutline>)catalog.OfType(g.Key, ContentTypeNames.Course)
                .Select(course => Outline(catalog, course))
                .ToList());

    /// <summary>The lesson's quiz, when it has a published one.</summary>
    public static PublishedItem? QuizOf(ContentCatalog catalog, PublishedItem lesson) =>
        lesson.MetadataAs<LessonMetadata>().Quiz is { } key ? catalog.ByKey(lesson.Culture, ContentTypeNames.Quiz, key) : null;

    /// <summary>The lessons and courses a quiz belongs to, in the quiz's language.</summary>
    public (IReadOnlyList<PublishedItem> Lessons, IReadOnlyList<CourseOutline> FinalOf) OwnersOf(PublishedItem quiz)
    {
        var catalog = published.Current;
        var lessons = catalog.OfType(quiz.Culture, ContentTypeNames.Lesson)
            .Where(l => l.MetadataAs<LessonMetadata>().Quiz == quiz.TranslationKey)
            .ToList();
        return (lessons, Courses(quiz.Culture).Where(c => c.FinalQuiz?.TranslationKey == quiz.TranslationKey).ToList());
    }

    private static CourseOutline Outline(ContentCatalog catalog, PublishedItem course)
    {
        var metadata = course.MetadataAs<CourseMetadata>();
        var finalQuiz = metadata.FinalQuiz is { } quiz ? catalog.ByKey(course.Culture, ContentTypeNames.Quiz, quiz) : null;
        var modules = metadata.Modules
            .Select(key => catalog.ByKey(course.Culture, ContentTypeNames.CourseModule, key))
            .OfType<PublishedItem>()
            .Select((module, i) => new ModuleOutline(
                module,
                i + 1,
                module.MetadataAs<CourseModuleMetadata>().Lessons
                    .Select(key => catalog.ByKey(course.Culture, ContentTypeNames.Lesson, key))
                    .OfType<PublishedItem>()
                    .ToList()))
            .ToList();
        return new CourseOutline(course, modules, finalQuiz);
    }
}
