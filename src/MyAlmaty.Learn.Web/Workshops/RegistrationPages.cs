using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Web.Workshops;

/// <summary>
/// The pages a registration's signed links open: the ticket, giving the place up, checking in. A link that lapsed or was
/// never ours gets a page that says which, in the reader's language; none of these pages is cached or shared.
/// </summary>
public sealed class RegistrationPages(WorkshopTokens tokens, WorkshopRegistrations registrations, WorkshopAttendance attendance, RegistrationLinks links, SitePages pages)
{
    public async Task<IResult> TicketAsync(HttpContext http, string culture, string token)
    {
        if (await OpenAsync(http, culture, WorkshopLink.Ticket, token) is not { } opened) return await LinkProblemAsync(http, culture, WorkshopLink.Ticket, token);
        var (registration, workshop) = opened;
        var checkIn = SitePages.Absolute(http, RegistrationLinks.CheckInPath(culture, token));
        var model = new
        {
            Workshop = Facts(workshop, culture),
            registration.Name,
            Status = registration.Status.ToString().ToLowerInvariant(),
            Position = await registrations.PositionAsync(registration),
            CheckedInAt = registration.CheckedInUtc is { } at ? links.TimeOfDay(at) : null,
            // The code only while it admits someone: a cancelled place is not shown as a ticket.
            Qr = registration.Status == RegistrationStatus.Registered ? TicketCode.Svg(checkIn) : null,
            CheckInUrl = checkIn,
            CancelUrl = registration.Status is RegistrationStatus.Registered or RegistrationStatus.Waitlisted && registrations.IsOpen(workshop)
                ? RegistrationLinks.CancelPath(culture, links.CancelToken(registration, workshop)) : null,
        };
        return await RenderAsync(http, culture, "workshop-ticket", workshop, model);
    }

    public async Task<IResult> CancelAsync(HttpContext http, string culture, string token, bool confirmed)
    {
        if (await OpenAsync(http, culture, WorkshopLink.Cancel, token) is not { } opened) return await LinkProblemAsync(http, culture, WorkshopLink.Cancel, token);
        var (registration, workshop) = opened;
        string state;
        if (!confirmed)
        {
            state = registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Expired ? "already"
                : registrations.IsOpen(workshop) ? registration.Status.ToString().ToLowerInvariant() : "too-late";
        }
        else
        {
            var result = await registrations.CancelAsync(registration.Id);
            state = result.Outcome switch
            {
                CancelOutcome.Cancelled => "cancelled",
                CancelOutcome.TooLate => "too-late",
                _ => "already",
            };
        }
        var model = new { Workshop = Facts(workshop, culture), registration.Name, State = state, Action = RegistrationLinks.CancelPath(culture, token) };
        return await RenderAsync(http, culture, "workshop-cancel", workshop, model, forms: state is "registered" or "waitlisted");
    }

    /// <summary>
    /// Only the workshop's facilitators (or whoever runs all workshops) see the person and check them in; the endpoint has
    /// already sent a visitor who is not signed in to sign in, and refused those who run no workshops at all.
    /// </summary>
    public async Task<IResult> CheckInAsync(HttpContext http, string culture, string token, bool confirmed)
    {
        if (await OpenAsync(http, culture, WorkshopLink.Ticket, token) is not { } opened) return await LinkProblemAsync(http, culture, WorkshopLink.Ticket, token);
        var (registration, workshop) = opened;
        if (!await attendance.RunsAsync(http.User, registration.WorkshopKey)) return await Refusals.ResultAsync(http, StatusCodes.Status403Forbidden, Refusals.NoPermission);
        string state;
        DateTime? at = registration.CheckedInUtc;
        if (confirmed)
        {
            var result = await attendance.CheckInAsync(registration.Id, http.User);
            (state, at) = result.Outcome switch
            {
                CheckInOutcome.CheckedIn => ("checked-in", result.At),
                CheckInOutcome.AlreadyCheckedIn => ("already", result.At),
                CheckInOutcome.NotAllowed => ("not-allowed", null),
                _ => ("no-place", null),
            };
            if (state == "not-allowed") return await Refusals.ResultAsync(http, StatusCodes.Status403Forbidden, Refusals.NoPermission);
        }
        else
        {
            state = registration.Status != RegistrationStatus.Registered ? "no-place" : at is not null ? "already" : "ready";
        }
        var model = new
        {
            Workshop = Facts(workshop, culture),
            registration.Name,
            State = state,
            At = at is { } time ? links.TimeOfDay(time) : null,
            Action = RegistrationLinks.CheckInPath(culture, token),
        };
        return await RenderAsync(http, culture, "workshop-check-in", workshop, model, forms: true);
    }

    private async Task<(WorkshopRegistration, PublishedItem)?> OpenAsync(HttpContext http, string culture, WorkshopLink purpose, string token)
    {
        var reading = tokens.Read(purpose, token);
        if (!reading.IsValid || reading.Id is not { } id) return null;
        if (await registrations.FindAsync(id, http.RequestAborted) is not { } registration) return null;
        return registrations.Workshop(registration.WorkshopKey, culture) is { } workshop ? (registration, workshop) : null;
    }

    /// <summary>An expired link is told apart from one that is not ours (or whose registration is gone): 410 and 404.</summary>
    private async Task<IResult> LinkProblemAsync(HttpContext http, string culture, WorkshopLink purpose, string token)
    {
        var expired = tokens.Read(purpose, token).State == TokenState.Expired;
        http.Response.Headers.CacheControl = "no-store, private";
        var page = SitePages.ForSection(http, culture, "workshops") with { SwitchUrl = $"/{Localization.Cultures.Other(culture)}/workshops", Alternates = [] };
        var model = new { State = expired ? "expired" : "unknown", Purpose = purpose.ToString().ToLowerInvariant() };
        return await pages.Render(http, "workshop-link", page, model, expired ? StatusCodes.Status410Gone : StatusCodes.Status404NotFound);
    }

    private Task<IResult> RenderAsync(HttpContext http, string culture, string view, PublishedItem workshop, object model, bool forms = false)
    {
        http.Response.Headers.CacheControl = "no-store, private";
        // The same page in the other language is the same link with the other culture: the token does not depend on it.
        var rest = http.Request.Path.Value![3..];
        var other = Localization.Cultures.Other(culture);
        var page = SitePages.ForSection(http, culture, "workshops") with { Title = workshop.Title, SwitchUrl = $"/{other}{rest}", Alternates = [] };
        return pages.Render(http, view, page, model, forms: forms);
    }

    private object Facts(PublishedItem workshop, string culture)
    {
        var facts = workshop.MetadataAs<WorkshopMetadata>();
        return new { workshop.Title, When = links.When(workshop, culture), facts.Venue, facts.MapUrl, Url = $"/{workshop.Culture}/workshops/{workshop.Slug}", Status = facts.Status.ToString().ToLowerInvariant() };
    }
}
