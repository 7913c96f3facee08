using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Progress;

namespace MyAlmaty.Learn.Web.Endpoints;

public sealed record CourseCard(string Title, string Url, string? Summary, int LessonCount, int Minutes, IReadOnlyList<string> Languages, string Slug, int? Percent = null);

public sealed record LessonLink(string Title, string Url, int Number, int Minutes, bool Done);

public sealed record ModuleView(string Title, string Slug, int Number, string Html, IReadOnlyList<LessonLink> Lessons);

public sealed record ProgressView(int Percent, int Done, int Total, bool Started, bool Complete, string? NextUrl);

public sealed record CourseView(CourseCard Card, string Html, IReadOnlyList<ModuleView> Modules, string? StartUrl, ProgressView? Progress, QuizLink? FinalQuiz);

/// <summary>A quiz as a lesson or course links to it; <see cref="Passed"/> for the reader.</summary>
public sealed record QuizLink(string Title, string Url, string? Summary, bool Passed);

public sealed record LessonView(
    string Title, string Html, IReadOnlyList<string> Takeaways, int Minutes, DateTime Published,
    LinkView Course, string ModuleTitle, int ModuleNumber, int Number, int Total,
    LinkView? Previous, LinkView? Next, IReadOnlyList<LinkView> AlsoIn,
    bool Done, string DoneUrl, bool CourseComplete, string? CertificateUrl, QuizLink? Quiz, QuizLink? FinalQuiz);

public sealed record TermLink(string Title, string Url, string Definition);

public sealed record LetterGroup(string Letter, IReadOnlyList<TermLink> Terms);

public sealed record ArticleView(string Title, string Html, string? Summary, DateTime Published, DateOnly? SessionDate, IReadOnlyList<string> Aliases)
{
    /// <summary>A session summary's closing facts: its workshop, how many came, who, what was explained, what to read.</summary>
    public SummaryFacts? Facts { get; init; }
}

/// <summary>The facts of a session summary, each linked where the site has a page for it.</summary>
public sealed record SummaryFacts(LinkView? Workshop, int? Attendees, IReadOnlyList<string> Organisations, IReadOnlyList<TermLink> Concepts, IReadOnlyList<LinkView> Lessons)
{
    public bool Any => Workshop is not null || Attendees is not null || Organisations.Count > 0 || Concepts.Count > 0 || Lessons.Count > 0;
}

public sealed record SummaryCard(string Title, string Url, string? Summary, DateTime Published, DateOnly? SessionDate);

/// <summary>Builds the view models the theme's templates read. Templates see them in snake_case.</summary>
public sealed class ContentViews(PublishedContent published, ContentUrls urls, ContentRenderer renderer, CourseCatalog courses)
{
    private ContentCatalog Catalog => published.Current;

    public CourseCard Card(CourseOutline course) => new(
        course.Course.Title,
        CourseRoutes.CourseUrl(course.Course),
        course.Course.Metadata.Summary,
        course.Lessons.Count,
        courses.ReadingMinutes(course),
        Localization.Cultures.All.Where(c => Catalog.TranslationOf(course.Course, c) is not null).ToList(),
        course.Course.Slug);

    /// <summary>A card with the learner's progress, when they have any.</summary>
    public CourseCard Card(CourseOutline course, IReadOnlySet<string>? done) =>
        done is null ? Card(course) : Card(course) with { Percent = CourseProgress.Of(course, done).Percent };

    /// <param name="done">The learner's finished lessons, or null for a reader with no progress yet.</param>
    public CourseView Course(CourseOutline course, IReadOnlySet<string>? done) => new(
        Card(course),
        renderer.Render(course.Course).Html,
        course.Modules.Select(m => new ModuleView(
            m.Module.Title,
            m.Module.Slug,
            m.Number,
            renderer.Render(m.Module).Html,
            m.Lessons.Select(l => Link(course, l, done)).ToList())).ToList(),
        course.Lessons.Count > 0 ? CourseRoutes.LessonUrl(course.Course, course.Lessons[0]) : null,
        done is null ? null : Progress(CourseProgress.Of(course, done)),
        FinalQuiz(course, done));

    public ProgressView Progress(CourseProgress p) => new(
        p.Percent, p.Done, p.Total, p.Started, p.Complete, p.Next is { } n ? StepUrl(p.Course, n) : null);

    /// <summary>Where a step of a course is: a lesson within this course, or the course's final quiz.</summary>
    public string StepUrl(CourseOutline course, PublishedItem step) =>
        step.ContentType == ContentTypeNames.Lesson ? CourseRoutes.LessonUrl(course.Course, step) : Url(step);

    private QuizLink? FinalQuiz(CourseOutline course, IReadOnlySet<string>? done) =>
        course.FinalQuiz is { } quiz
            ? new QuizLink(quiz.Title, Url(quiz), quiz.Metadata.Summary, done?.Contains(CourseProgress.QuizStep(quiz.TranslationKey)) == true)
            : null;

    public LessonView Lesson(LessonPosition at, PublishedItem lesson, IReadOnlySet<string>? done, string? certificateUrl) => new(
        lesson.Title,
        renderer.Render(lesson).Html,
        lesson.MetadataAs<LessonMetadata>().Takeaways,
        courses.ReadingMinutes(lesson),
        lesson.PublishedUtc,
        new LinkView(at.Course.Course.Title, CourseRoutes.CourseUrl(at.Course.Course)),
        at.Module.Module.Title,
        at.Module.Number,
        at.Number,
        at.Total,
        at.Previous is { } p ? new LinkView(p.Title, CourseRoutes.LessonUrl(at.Course.Course, p)) : null,
        at.Next is { } n ? new LinkView(n.Title, CourseRoutes.LessonUrl(at.Course.Course, n)) : null,
        courses.CoursesContaining(lesson).Where(c => c != at.Course)
            .Select(c => new LinkView(c.Course.Title, CourseRoutes.LessonUrl(c.Course, lesson))).ToList(),
        done?.Contains(lesson.TranslationKey) == true,
        $"{CourseRoutes.LessonUrl(at.Course.Course, lesson)}/done",
        done is not null && CourseProgress.Of(at.Course, done).Complete,
        certificateUrl,
        CourseCatalog.QuizOf(Catalog, lesson) is { } quiz ? new QuizLink(quiz.Title, Url(quiz), quiz.Metadata.Summary, done?.Contains(lesson.TranslationKey) == true) : null,
        at.Next is null ? FinalQuiz(at.Course, done) : null);

    public IReadOnlyList<LetterGroup> Glossary(string culture) =>
        Catalog.OfType(culture, ContentTypeNames.GlossaryTerm)
            .GroupBy(t => char.ToUpper(t.Title[0], Localization.Cultures.Get(culture)).ToString())
            .Select(g => new LetterGroup(g.Key, g.Select(Term).ToList()))
            .ToList();

    public TermLink Term(PublishedItem term) =>
        new(term.Title, Url(term), term.MetadataAs<GlossaryTermMetadata>().Definition);

    public ArticleView Article(PublishedItem item) => new(
        item.Title,
        renderer.Render(item).Html,
        item.Metadata.Summary,
        item.FirstPublishedUtc,
        (item.Metadata as SessionSummaryMetadata)?.SessionDate,
        (item.Metadata as GlossaryTermMetadata)?.Aliases ?? [])
    {
        Facts = item.Metadata is SessionSummaryMetadata summary ? Facts(item.Culture, summary) : null,
    };

    /// <summary>The summary's facts; a link whose target is not published in the language is left out, as on a workshop page.</summary>
    private SummaryFacts Facts(string culture, SessionSummaryMetadata summary)
    {
        var workshop = summary.Workshop is { } key ? Catalog.ByKey(culture, SessionSummaryType.WorkshopType, key) : null;
        return new SummaryFacts(
            workshop is null ? null : new LinkView(workshop.Title, Url(workshop), workshop.Metadata.Summary),
            summary.Attendees,
            summary.Organisations,
            summary.Concepts.Select(c => Catalog.ByKey(culture, ContentTypeNames.GlossaryTerm, c)).OfType<PublishedItem>().Select(Term).ToList(),
            summary.Lessons.Select(l => Catalog.ByKey(culture, ContentTypeNames.Lesson, l)).OfType<PublishedItem>()
                .Select(l => new LinkView(l.Title, Url(l), l.Metadata.Summary)).ToList());
    }

    public IReadOnlyList<SummaryCard> Summaries(string culture) =>
        Catalog.OfType(culture, ContentTypeNames.SessionSummary)
            .OrderByDescending(s => s.MetadataAs<SessionSummaryMetadata>().SessionDate?.ToDateTime(TimeOnly.MinValue) ?? s.FirstPublishedUtc)
            .Select(s => new SummaryCard(s.Title, Url(s), s.Metadata.Summary, s.FirstPublishedUtc, s.MetadataAs<SessionSummaryMetadata>().SessionDate))
            .ToList();

    public string Url(PublishedItem item) => urls.UrlFor(item, Catalog) ?? "#";

    private LessonLink Link(CourseOutline course, PublishedItem lesson, IReadOnlySet<string>? done) => new(
        lesson.Title,
        CourseRoutes.LessonUrl(course.Course, lesson),
        course.PositionOf(lesson)!.Number,
        courses.ReadingMinutes(lesson),
        done?.Contains(lesson.TranslationKey) == true);
}
