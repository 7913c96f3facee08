using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Web.Search;

/// <summary>The content types as the search page names them: in addresses (?type=lessons) and on screen.</summary>
public static class SearchTypes
{
    public sealed record Kind(string ContentType, string Slug, string Label, string Plural);

    /// <summary>In the order the filters are shown. Labels are msgids of the theme's catalog.</summary>
    public static readonly IReadOnlyList<Kind> All =
    [
        new(ContentTypeNames.Course, "courses", "Course", "Courses"),
        new(ContentTypeNames.Lesson, "lessons", "Lesson", "Lessons"),
        new(ContentTypeNames.GlossaryTerm, "terms", "Glossary term", "Glossary"),
        new(ContentTypeNames.SessionSummary, "summaries", "Session summary", "Summaries"),
        new(ContentTypeNames.Page, "pages", "Page", "Pages"),
    ];

    public static Kind? BySlug(string? slug) => All.FirstOrDefault(k => k.Slug == slug);

    public static Kind? ByType(string contentType) => All.FirstOrDefault(k => k.ContentType == contentType);
}
