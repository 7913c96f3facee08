using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Certificates;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Web.Learners;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Hosting;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>The public pages: /{culture}/… for ru and kk, and / choosing between them.</summary>
public static class SiteEndpoints
{
    public const string CulturePattern = "{culture:" + CultureRouteConstraint.Name + "}";

    public static IEndpointRouteBuilder MapSitePages(this IEndpointRouteBuilder app)
    {
        app.MapPage("/", (HttpContext http) =>
        {
            http.Response.Headers.Vary = "Accept-Language";
            return Results.Redirect($"/{Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage)}/");
        });

        // Kazakh pages in the Latin or the Cyrillic alphabet: remembered, then back to the page.
        app.MapPage("/kk/script/{script:regex(^(latn|cyrl)$)}", (HttpContext http, string script, string? @return) =>
        {
            LatinScript.Choose(http, script);
            var local = ReturnPaths.Local(@return) is { } r && r.StartsWith("/kk/", StringComparison.Ordinal) ? r : "/kk/";
            return Results.Redirect(local);
        });

        var site = app.MapGroup(CulturePattern).CacheOutput(SiteCaching.PagePolicy);
        site.MapPage("/", Home);
        site.MapPage("/courses", CourseList);
        site.MapPage("/courses/{slug}", Course);
        site.MapPage("/courses/{course}/{lesson}", Lesson);
        site.MapPage("/glossary", Glossary);
        site.MapPage("/glossary/{slug}", Term);
        site.MapPage("/summaries", Summaries);
        site.MapPage("/summaries/{slug}", Summary);
        site.MapPage("/{slug}", Page);
        return app;
    }

    private static Task<IResult> Home(HttpContext http, string culture, SitePages pages, ContentViews views, CourseCatalog courses, PublishedContent published) =>
        pages.Render(http, "home", SitePages.ForSection(http, culture, "home"), new
        {
            Courses = courses.Courses(culture).Select(views.Card).ToList(),
            Summaries = views.Summaries(culture).Take(3).ToList(),
            Terms = published.Current.OfType(culture, ContentTypeNames.GlossaryTerm).Take(8).Select(views.Term).ToList(),
            About = published.Current.BySlug(culture, ContentTypeNames.Page, "about") is { } about ? new LinkView(about.Title, views.Url(about), about.Metadata.Summary) : null,
        });

    private static async Task<IResult> CourseList(HttpContext http, string culture, SitePages pages, ContentViews views, CourseCatalog courses, LearnerProgress progress)
    {
        var done = LearnerIdentity.Current(http) is { } learner ? await progress.CompletedAsync(learner) : null;
        return await pages.Render(http, "courses", SitePages.ForSection(http, culture, "courses"),
            new { Courses = courses.Courses(culture).Select(c => views.Card(c, done)).ToList() });
    }

    private static async Task<IResult> Course(HttpContext http, string culture, string slug, SitePages pages, ContentViews views, CourseCatalog courses, LearnerProgress progress)
    {
        if (courses.Course(culture, slug) is not { } course) return await NotFound(http, culture, pages);
        var done = LearnerIdentity.Current(http) is { } learner ? await progress.CompletedAsync(learner) : null;
        return await pages.Render(http, "course", pages.ForItem(http, course.Course, "courses"), views.Course(course, done));
    }

    private static async Task<IResult> Lesson(HttpContext http, string culture, string course, string lesson, SitePages pages, ContentViews views, CourseCatalog courses,
        PublishedContent published, LearnerProgress progress, Certificates certificates)
    {
        var outline = courses.Course(culture, course);
        var item = published.Current.BySlug(culture, ContentTypeNames.Lesson, lesson);
        if (outline is null || item is null || outline.PositionOf(item) is not { } position) return await NotFound(http, culture, pages);
        var done = LearnerIdentity.Current(http) is { } learner ? await progress.CompletedAsync(learner) : null;
        string? certificate = null;
        if (LearnerIdentity.UserId(http) is { } userId)
        {
            var issued = (await certificates.OfUserAsync(userId)).FirstOrDefault(c => c.CourseKey == outline.Course.TranslationKey && c.RevokedUtc is null);
            certificate = issued is null ? null : $"/{culture}/certificates/{issued.Code}";
        }
        return await pages.Render(http, "lesson", pages.ForItem(http, item, "courses") with
        {
            Breadcrumbs = [new LinkView(outline.Course.Title, CourseRoutes.CourseUrl(outline.Course))],
        }, views.Lesson(position, item, done, certificate), forms: done is not null);
    }

    private static Task<IResult> Glossary(HttpContext http, string culture, SitePages pages, ContentViews views) =>
        pages.Render(http, "glossary", SitePages.ForSection(http, culture, "glossary"), new { Groups = views.Glossary(culture) });

    private static Task<IResult> Term(HttpContext http, string culture, string slug, SitePages pages, ContentViews views, PublishedContent published) =>
        Article(http, culture, slug, ContentTypeNames.GlossaryTerm, "glossary", "term", pages, views, published);

    private static Task<IResult> Summaries(HttpContext http, string culture, SitePages pages, ContentViews views) =>
        pages.Render(http, "summaries", SitePages.ForSection(http, culture, "summaries"), new { Summaries = views.Summaries(culture) });

    private static Task<IResult> Summary(HttpContext http, string culture, string slug, SitePages pages, ContentViews views, PublishedContent published) =>
        Article(http, culture, slug, ContentTypeNames.SessionSummary, "summaries", "summary", pages, views, published);

    private static Task<IResult> Page(HttpContext http, string culture, string slug, SitePages pages, ContentViews views, PublishedContent published) =>
        Article(http, culture, slug, ContentTypeNames.Page, "", "page", pages, views, published);

    private static Task<IResult> Article(HttpContext http, string culture, string slug, string type, string section, string view, SitePages pages, ContentViews views, PublishedContent published)
    {
        var item = published.Current.BySlug(culture, type, slug);
        return item is null
            ? NotFound(http, culture, pages)
            : pages.Render(http, view, pages.ForItem(http, item, section, (item.Metadata as GlossaryTermMetadata)?.Definition), views.Article(item));
    }

    public static Task<IResult> NotFound(HttpContext http, string culture, SitePages pages) =>
        pages.Render(http, "not-found", SitePages.ForSection(http, culture, "") with { SwitchUrl = $"/{Cultures.Other(culture)}/", Alternates = [] }, null, StatusCodes.Status404NotFound);

    /// <summary>The themed «too many requests» page (429) in the language of the address, with when to try again.</summary>
    public static async Task<IResult> TooManyRequests(HttpContext http, int retryAfterSeconds)
    {
        var culture = CultureOfPath(http) ?? Cultures.Default;
        var pages = http.RequestServices.GetRequiredService<SitePages>();
        var result = await pages.Render(http, "too-many-requests", SitePages.ForSection(http, culture, "") with { Alternates = [] }, null, StatusCodes.Status429TooManyRequests);
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }

    /// <summary>The culture the address starts with (/ru/…, /kk/…), if it starts with one.</summary>
    public static string? CultureOfPath(HttpContext http)
    {
        var first = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return Cultures.IsSupported(first) ? first : null;
    }
}
