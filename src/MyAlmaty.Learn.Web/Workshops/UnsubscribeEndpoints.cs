using Microsoft.AspNetCore.Antiforgery;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Hosting;
using MyAlmaty.Learn.Workshops;

namespace MyAlmaty.Learn.Web.Workshops;

/// <summary>
/// /workshops/unsubscribe/{token}: stops every workshop email to an address. The token carries the address's
/// suppression hash, never the address, and does not expire. A person confirms on the page (a form with its
/// antiforgery token); a mail program unsubscribes with the one-click POST of RFC 8058 (body
/// <c>List-Unsubscribe=One-Click</c>), which carries no cookies, comes from no page of ours and is answered
/// 200 without a redirect. The address is the List-Unsubscribe header's, so it has no language segment:
/// <c>?lang=</c> says which language the page speaks.
/// </summary>
public static class UnsubscribeEndpoints
{
    public const string Path = "/workshops/unsubscribe/{token}";

    public static IEndpointRouteBuilder MapWorkshopUnsubscribe(this IEndpointRouteBuilder app)
    {
        app.MapPage(Path, ShowAsync);
        app.MapPost(Path, UnsubscribeAsync).DisableAntiforgery().WithMetadata(new CrossSitePostsAllowed());
        return app;
    }

    private static Task<IResult> ShowAsync(HttpContext http, string token, string? lang, SitePages pages, WorkshopTokens tokens)
    {
        var culture = CultureOf(http, lang);
        var state = tokens.Read(WorkshopLink.Unsubscribe, token).IsValid ? "confirm" : "broken";
        return RenderAsync(http, culture, token, pages, state);
    }

    private static async Task<IResult> UnsubscribeAsync(HttpContext http, string token, string? lang, SitePages pages, WorkshopTokens tokens,
        LearnDbContext db, MailSuppressions suppressions, IAntiforgery antiforgery)
    {
        var culture = CultureOf(http, lang);
        IFormCollection? form;
        try
        {
            form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException)
        {
            // A body that is not a form (a broken multipart, a cut-off upload) is the sender's mistake, answered like a bad form.
            return await RenderAsync(http, culture, token, pages, "confirm", StatusCodes.Status400BadRequest);
        }
        var oneClick = form is not null && form["List-Unsubscribe"].ToString() == "One-Click";
        // The page's own form proves it came from the page; the one-click POST proves nothing but needs nothing:
        // all it can do is what the signed link allows, stopping the mail of the address it names.
        if (!oneClick && !await antiforgery.IsRequestValidAsync(http)) return await RenderAsync(http, culture, token, pages, "confirm", StatusCodes.Status400BadRequest);
        var reading = tokens.Read(WorkshopLink.Unsubscribe, token);
        if (!reading.IsValid || reading.Subject.Length is 0 or > 64) return await RenderAsync(http, culture, token, pages, "broken");
        suppressions.SuppressHash(db, reading.Subject, SuppressionReason.Unsubscribed);
        await db.SaveChangesAsync(http.RequestAborted);
        return await RenderAsync(http, culture, token, pages, "done");
    }

    private static Task<IResult> RenderAsync(HttpContext http, string culture, string token, SitePages pages, string state, int? status = null)
    {
        var action = $"/workshops/unsubscribe/{token}?lang={culture}";
        var page = new PageInfo
        {
            Culture = culture,
            Section = "workshops",
            SwitchUrl = $"/workshops/unsubscribe/{token}?lang={Cultures.Other(culture)}",
        };
        var model = new { State = state, Action = action, Invalid = status == StatusCodes.Status400BadRequest };
        return pages.Render(http, "workshop-unsubscribe", page, model, status ?? (state == "broken" ? StatusCodes.Status404NotFound : StatusCodes.Status200OK), forms: true);
    }

    private static string CultureOf(HttpContext http, string? lang) =>
        Cultures.IsSupported(lang) ? lang! : Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage);
}
