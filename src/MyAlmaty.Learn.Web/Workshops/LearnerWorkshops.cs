using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Web.Workshops;

/// <summary>One of a learner's workshops on «My learning»: <c>State</c> is registered, waitlisted or attended.</summary>
public sealed record MyWorkshopView(string Title, string? Url, string When, string State, int? Position, string TicketUrl);

/// <summary>A workshop suggested after finishing the course it builds on.</summary>
public sealed record SuggestedWorkshopView(string Title, string Url, string When, string CourseKey);

/// <summary>
/// The workshops part of «My learning»: where the learner has a place, waits, or came (by their account, or by the address
/// they registered with before signing up), and the upcoming workshops that build on the courses they finished.
/// </summary>
public sealed class LearnerWorkshops(WorkshopRegistrations registrations, RegistrationLinks links, WorkshopCalendar calendar, ContentUrls urls, PublishedContent published, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyWorkshopView>> OfAsync(string culture, string userId, string? email)
    {
        var catalog = published.Current;
        var views = new List<MyWorkshopView>();
        foreach (var registration in await registrations.OfPersonAsync(userId, email))
        {
            var state = registration.CheckedInUtc is not null ? "attended"
                : registration.Status switch { RegistrationStatus.Registered => "registered", RegistrationStatus.Waitlisted => "waitlisted", _ => null };
            if (state is null || registrations.Workshop(registration.WorkshopKey, culture) is not { } workshop) continue;
            var ended = WorkshopCalendar.UtcOf(workshop.MetadataAs<WorkshopMetadata>().EndsAt) <= clock.GetUtcNow().UtcDateTime;
            // A place at a workshop that is over and was not used is no longer the learner's business.
            if (ended && state != "attended") continue;
            views.Add(new MyWorkshopView(workshop.Title, urls.UrlFor(workshop, catalog), links.When(workshop, culture), state,
                await registrations.PositionAsync(registration), RegistrationLinks.TicketPath(culture, links.TicketToken(registration, workshop))));
        }
        return views;
    }

    /// <summary>Upcoming workshops open for registration whose course is one of <paramref name="finishedCourses"/>, except those the learner is in already.</summary>
    public IReadOnlyList<SuggestedWorkshopView> Suggested(string culture, IReadOnlyCollection<string> finishedCourses, IReadOnlyList<MyWorkshopView> mine)
    {
        var catalog = published.Current;
        return calendar.Upcoming(culture, clock.GetUtcNow().UtcDateTime)
            .Where(w => w.MetadataAs<WorkshopMetadata>().Course is { } course && finishedCourses.Contains(course) && registrations.IsOpen(w))
            .Select(w => new SuggestedWorkshopView(w.Title, urls.UrlFor(w, catalog)!, links.When(w, culture), w.MetadataAs<WorkshopMetadata>().Course!))
            .Where(s => mine.All(m => m.Url != s.Url))
            .ToList();
    }
}
