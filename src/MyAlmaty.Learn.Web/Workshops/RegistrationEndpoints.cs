using System.Runtime.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Learners;
using MyAlmaty.Learn.Web.Themes;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Web.Workshops;

// Field names in the forms are snake_case, like everything the templates see.
public sealed class RegistrationForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Language { get; set; }
}

/// <summary>A form whose only field is its antiforgery token: taking it as a parameter is what has ASP.NET Core check the token.</summary>
public sealed class ConfirmForm
{
    [DataMember(Name = "confirm")]
    public string? Confirm { get; set; }
}

/// <summary>
/// Registering for a workshop from its page (with or without an account), the ticket with its QR code, giving a place
/// up from the emailed link (a button: mail scanners open links, they do not press buttons), and checking a ticket in.
/// </summary>
public static class RegistrationEndpoints
{
    public static IEndpointRouteBuilder MapRegistrationPages(this IEndpointRouteBuilder app)
    {
        // Not cached: every answer here is one person's.
        var site = app.MapGroup(SiteEndpoints.CulturePattern + "/workshops");
        site.MapPost("/{slug}/register", RegisterAsync).DisableAntiforgery();
        site.MapPage("/ticket/{token}", TicketAsync);
        site.MapPage("/cancel/{token}", (HttpContext http, string culture, string token, RegistrationPages pages) => pages.CancelAsync(http, culture, token, confirmed: false));
        site.MapPost("/cancel/{token}", (HttpContext http, string culture, string token, [FromForm] ConfirmForm _, RegistrationPages pages) => pages.CancelAsync(http, culture, token, confirmed: true));
        site.MapPage("/check-in/{token}", (HttpContext http, string culture, string token, RegistrationPages pages) => pages.CheckInAsync(http, culture, token, confirmed: false))
            .RequirePermission(WorkshopPermissions.Run);
        site.MapPost("/check-in/{token}", (HttpContext http, string culture, string token, [FromForm] ConfirmForm _, RegistrationPages pages) => pages.CheckInAsync(http, culture, token, confirmed: true))
            .RequirePermission(WorkshopPermissions.Run);
        return app;
    }

    /// <remarks>
    /// The workshop page stays the same for every first-time reader, and cacheable, so it carries no antiforgery token;
    /// as with marking a lesson read, a request that carries a session (which a forged post could ride on) must bring one.
    /// </remarks>
    private static async Task<IResult> RegisterAsync(HttpContext http, string culture, string slug, [FromForm] RegistrationForm? formFields, IAntiforgery antiforgery,
        PublishedContent published, WorkshopRegistrations registrations, UserManager<LearnUser> users, SitePages pages, UiStrings strings)
    {
        if (LearnerIdentity.Current(http) is not null && !await antiforgery.IsRequestValidAsync(http)) return await Refusals.ResultAsync(http, StatusCodes.Status400BadRequest);
        if (published.Current.BySlug(culture, WorkshopTypeNames.Workshop, slug) is not { } workshop) return await SiteEndpoints.NotFound(http, culture, pages);
        var form = formFields ?? new RegistrationForm();
        var language = form.Language ?? culture;
        var latin = language == Cultures.Kazakh && LatinScript.IsChosen(http, Cultures.Kazakh);
        var user = LearnerIdentity.UserId(http) is { } userId ? await users.FindByIdAsync(userId) : null;
        var result = user is not null
            ? await registrations.RegisterAsync(workshop.TranslationKey, user, Cultures.IsSupported(language) ? language : user.PreferredCulture, latin)
            : await registrations.RegisterAsync(workshop.TranslationKey, new Registrant(form.Name ?? "", form.Email ?? "", language, latin));
        if (result.Outcome == RegistrationOutcome.Invalid)
        {
            // The form comes back as it was sent, with what is wrong beside each field, in the reader's language.
            var errors = result.Problems!.ToDictionary(p => p.Field, p => strings.Get(culture, p.Message));
            var refill = new RegistrationFormView(Clip(form.Name), Clip(form.Email), Cultures.IsSupported(language) ? language : culture, errors);
            return await WorkshopEndpoints.DetailAsync(http, culture, workshop, refill, StatusCodes.Status400BadRequest);
        }
        http.Response.Headers.CacheControl = "no-store, private";
        var links = http.RequestServices.GetRequiredService<RegistrationLinks>();
        var registration = result.Registration;
        var model = new
        {
            Outcome = result.Outcome.ToString().ToLowerInvariant(),
            Title = workshop.Title,
            WorkshopUrl = $"/{culture}/workshops/{workshop.Slug}",
            When = links.When(workshop, culture),
            result.Position,
            Email = registration?.Email,
            // The ticket only to whoever just took the place: an address typed again must not open someone's ticket.
            TicketUrl = result.Outcome == RegistrationOutcome.Registered ? RegistrationLinks.TicketPath(culture, links.TicketToken(registration!, workshop)) : null,
        };
        var status = result.Outcome == RegistrationOutcome.Closed ? StatusCodes.Status409Conflict : StatusCodes.Status200OK;
        return await pages.Render(http, "workshop-registration", pages.ForItem(http, workshop, "workshops") with { Title = workshop.Title }, model, status);
    }

    private static async Task<IResult> TicketAsync(HttpContext http, string culture, string token, RegistrationPages pages) => await pages.TicketAsync(http, culture, token);

    /// <summary>A value sent back into the form is cut to a length the form could have sent: the page never repeats a megabyte.</summary>
    private static string Clip(string? value) => value is null ? "" : value.Length > 320 ? value[..320] : value;
}

/// <summary>The registration form on a workshop's page: what was typed and what is wrong with it, per field (already translated).</summary>
public sealed record RegistrationFormView(string Name, string Email, string Language, IReadOnlyDictionary<string, string> Errors)
{
    public IReadOnlyList<string> ErrorList => [.. Errors.Values];
}
