using System.Text;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Workshops;

namespace MyAlmaty.Learn.Web.Workshops;

public sealed record WorkshopCard(string Title, string Url, string? Summary, string When, string? Venue, bool Online, string Status, IReadOnlyList<string> Languages);

/// <summary>
/// The public workshop pages of a language: upcoming and past workshops, a workshop's page, its .ics to add
/// to a calendar, and a calendar feed of the upcoming ones that calendar apps can subscribe to.
/// </summary>
public static class WorkshopEndpoints
{
    public static IEndpointRouteBuilder MapWorkshopPages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup(SiteEndpoints.CulturePattern).CacheOutput(Hosting.SiteCaching.PagePolicy);
        site.MapPage("/workshops", ListAsync);
        site.MapPage("/workshops/calendar.ics", Feed);
        site.MapPage("/workshops/{slug}.ics", OneCalendar);
        site.MapPage("/workshops/{slug}", (HttpContext http, string culture, string slug, PublishedContent published, SitePages pages) =>
            published.Current.BySlug(culture, WorkshopTypeNames.Workshop, slug) is { } workshop ? DetailAsync(http, culture, workshop) : SiteEndpoints.NotFound(http, culture, pages));
        return app;
    }

    private static Task<IResult> ListAsync(HttpContext http, string culture, SitePages pages, WorkshopCalendar calendar, ContentUrls urls, PublishedContent published, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var model = new
        {
            Upcoming = calendar.Upcoming(culture, now).Select(w => Card(w, urls, published.Current, http)).ToList(),
            Past = calendar.Past(culture, now).Select(w => Card(w, urls, published.Current, http)).ToList(),
        };
        return pages.Render(http, "workshops", SitePages.ForSection(http, culture, "workshops"), model);
    }

    /// <summary>A workshop's page; <paramref name="form"/> is the registration form sent back with what is wrong in it.</summary>
    internal static Task<IResult> DetailAsync(HttpContext http, string culture, PublishedItem workshop, RegistrationFormView? form = null, int status = StatusCodes.Status200OK)
    {
        var services = http.RequestServices;
        var (pages, urls, renderer, clock) = (services.GetRequiredService<SitePages>(), services.GetRequiredService<ContentUrls>(),
            services.GetRequiredService<ContentRenderer>(), services.GetRequiredService<TimeProvider>());
        var catalog = services.GetRequiredService<PublishedContent>().Current;
        var facts = workshop.MetadataAs<WorkshopMetadata>();
        var course = facts.Course is { } key ? catalog.ByKey(culture, Content.Types.ContentTypeNames.Course, key) : null;
        var model = new
        {
            Card = Card(workshop, urls, catalog, http),
            Html = renderer.Render(workshop).Html,
            facts.MapUrl,
            facts.Capacity,
            facts.Facilitators,
            Course = course is null ? null : new LinkView(course.Title, urls.UrlFor(course, catalog)!),
            Lessons = facts.Lessons.Select(l => catalog.ByKey(culture, Content.Types.ContentTypeNames.Lesson, l)).OfType<PublishedItem>()
                .Select(l => urls.UrlFor(l, catalog) is { } u ? new LinkView(l.Title, u) : null).OfType<LinkView>().ToList(),
            CalendarUrl = $"/{culture}/workshops/{workshop.Slug}.ics",
            Past = WorkshopCalendar.UtcOf(facts.EndsAt) <= clock.GetUtcNow().UtcDateTime,
            Summary = Learn.Workshops.Summaries.WorkshopSummaries.Of(catalog, workshop.TranslationKey, culture) is { } summary
                ? new { summary.Title, Url = urls.UrlFor(summary, catalog), Lead = summary.Metadata.Summary, summary.Culture }
                : null,
            // Registration is open until the start of a workshop that is on; the form starts in the page's language.
            RegistrationOpen = facts.Status is WorkshopStatus.Scheduled or WorkshopStatus.Changed && WorkshopCalendar.UtcOf(facts.StartsAt) > clock.GetUtcNow().UtcDateTime,
            Form = form ?? new RegistrationFormView("", "", culture, new Dictionary<string, string>()),
            RegisterUrl = $"/{culture}/workshops/{workshop.Slug}/register",
        };
        // A reader with a session gets the form's antiforgery token; a first-time reader's page stays the same for all, and cached.
        return pages.Render(http, "workshop", pages.ForItem(http, workshop, "workshops"), model, status, forms: form is not null || Learners.LearnerIdentity.Current(http) is not null);
    }

    private static IResult OneCalendar(HttpContext http, string culture, string slug, PublishedContent published, WorkshopCalendar calendar, UiStrings strings)
    {
        if (published.Current.BySlug(culture, WorkshopTypeNames.Workshop, slug) is not { } workshop) return Results.NotFound();
        var text = calendar.Write([workshop], workshop.Title, path => SitePages.Absolute(http, path));
        return Results.File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"{workshop.Slug}.ics");
    }

    private static IResult Feed(HttpContext http, string culture, WorkshopCalendar calendar, UiStrings strings, TimeProvider clock)
    {
        var text = calendar.Write(calendar.Upcoming(culture, clock.GetUtcNow().UtcDateTime), strings.Get(culture, "Workshops of МыАлматы"), path => SitePages.Absolute(http, path));
        return Results.Text(text, "text/calendar; charset=utf-8");
    }

    private static WorkshopCard Card(PublishedItem workshop, ContentUrls urls, ContentCatalog catalog, HttpContext http)
    {
        var facts = workshop.MetadataAs<WorkshopMetadata>();
        var clock = http.RequestServices.GetRequiredService<AlmatyClock>();
        // «14 марта 2027 г., 18:30–20:30» in Almaty time, the end's date too when it is another day.
        var when = $"{clock.FormatDateTime(WorkshopCalendar.UtcOf(facts.StartsAt), workshop.Culture)}–"
            + (facts.EndsAt.Date == facts.StartsAt.Date ? facts.EndsAt.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) : clock.FormatDateTime(WorkshopCalendar.UtcOf(facts.EndsAt), workshop.Culture));
        return new WorkshopCard(workshop.Title, urls.UrlFor(workshop, catalog)!, workshop.Metadata.Summary, when, facts.Venue,
            facts.OnlineUrl is not null, facts.Status.ToString().ToLowerInvariant(), facts.Languages);
    }
}
