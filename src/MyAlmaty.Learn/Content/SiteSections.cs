namespace MyAlmaty.Learn.Content;

/// <summary>
/// The first path segment after the culture that belongs to a section of the site. Pages live at
/// /{culture}/{slug}, so their slugs must not take one of these.
/// </summary>
public static class SiteSections
{
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "courses", "glossary", "summaries", "search", "account", "my", "workshops", "quizzes",
        "editor", "admin", "verify", "certificates", "api", "assets", "pages",
    };
}
