using Microsoft.AspNetCore.Mvc;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Web.Workshops;

/// <summary>The answer chosen on an RSVP page.</summary>
public sealed class RsvpForm
{
    public string? Answer { get; set; }
}

/// <summary>
/// /{culture}/workshops/rsvp/{token}: the page the Yes / No / Maybe buttons of an invitation open. No sign-in and
/// no address in the link: the signed token names the invitation and expires when the workshop starts. Opening
/// the page changes nothing but «opened» (mail scanners open links too); the answer is recorded by the confirming POST.
/// </summary>
public static class RsvpEndpoints
{
    public static IEndpointRouteBuilder MapRsvpPages(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup(SiteEndpoints.CulturePattern + "/workshops/rsvp");
        site.MapPage("/{token}", ShowAsync);
        site.MapPost("/{token}", AnswerAsync);
        return app;
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string culture, string token, string? answer, SitePages pages, LearnDbContext db, InvitationAnswers answers)
    {
        var link = await answers.ReadAsync(db, token, culture, http.RequestAborted);
        if (link.State != RsvpLinkState.Open) return await FailureAsync(http, culture, pages, link);
        // HEAD is asked by link checkers: an opening is a GET.
        if (HttpMethods.IsGet(http.Request.Method) && link.Invitation!.OpenedUtc is null)
        {
            answers.Opened(link.Invitation);
            await db.SaveChangesAsync(http.RequestAborted);
        }
        var asked = InvitationAnswers.AnswerNamed(answer);
        var chosen = asked != RsvpAnswer.None ? asked : link.Invitation!.Answer;
        return await RenderAsync(http, culture, token, pages, link, chosen, answered: false);
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, string culture, string token, [FromForm] RsvpForm? form, SitePages pages, LearnDbContext db, InvitationAnswers answers)
    {
        var link = await answers.ReadAsync(db, token, culture, http.RequestAborted);
        if (link.State != RsvpLinkState.Open) return await FailureAsync(http, culture, pages, link);
        var answer = InvitationAnswers.AnswerNamed(form?.Answer);
        if (answer == RsvpAnswer.None)
        {
            return await RenderAsync(http, culture, token, pages, link, link.Invitation!.Answer, answered: false, StatusCodes.Status400BadRequest);
        }
        await answers.AnswerAsync(db, link.Invitation!, answer, http.RequestAborted);
        await db.SaveChangesAsync(http.RequestAborted);
        return await RenderAsync(http, culture, token, pages, link, answer, answered: true);
    }

    private static Task<IResult> RenderAsync(HttpContext http, string culture, string token, SitePages pages, RsvpLink link, RsvpAnswer chosen, bool answered,
        int status = StatusCodes.Status200OK)
    {
        var model = new
        {
            State = answered ? "answered" : "open",
            Workshop = WorkshopPageModel.Of(http, link.Workshop!, culture),
            Answer = Name(chosen),
            Action = $"/{culture}/workshops/rsvp/{token}",
            Invalid = status == StatusCodes.Status400BadRequest,
        };
        return pages.Render(http, "workshop-rsvp", SitePages.ForSection(http, culture, "workshops"), model, status, forms: true);
    }

    private static Task<IResult> FailureAsync(HttpContext http, string culture, SitePages pages, RsvpLink link)
    {
        var (state, status) = link.State switch
        {
            RsvpLinkState.Expired => ("expired", StatusCodes.Status410Gone),
            RsvpLinkState.Cancelled => ("cancelled", StatusCodes.Status410Gone),
            _ => ("broken", StatusCodes.Status404NotFound),
        };
        var model = new { State = state, Workshop = link.Workshop is { } w ? WorkshopPageModel.Of(http, w, culture) : null, Answer = "", Action = "", Invalid = false };
        return pages.Render(http, "workshop-rsvp", SitePages.ForSection(http, culture, "workshops"), model, status);
    }

    private static string Name(RsvpAnswer answer) => answer == RsvpAnswer.None ? "" : answer.ToString().ToLowerInvariant();
}

/// <summary>A workshop as the RSVP and unsubscribe pages show it.</summary>
public sealed record WorkshopPageModel(string Title, string When, string? Venue, bool Online, string Url)
{
    public static WorkshopPageModel Of(HttpContext http, MailedWorkshop workshop, string culture)
    {
        var letters = http.RequestServices.GetRequiredService<WorkshopLetters>();
        return new(workshop.Title, letters.When(workshop.Facts.StartsAt, workshop.Facts.EndsAt, culture), workshop.Facts.Venue,
            workshop.Facts.OnlineUrl is not null, workshop.PagePath);
    }
}
