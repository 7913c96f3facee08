using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>The themed page for a request the site will not serve (400, 403, 404, 413), in the language of its address.</summary>
public static class Refusals
{
    /// <summary>A 403 for a signed-in person whose roles lack the endpoint's permission (without a reason, a 403 is a form from another site).</summary>
    public const string NoPermission = "permission";

    public static async Task WriteAsync(HttpContext http, int status, string? reason = null)
    {
        var result = await ResultAsync(http, status, reason);
        await result.ExecuteAsync(http);
    }

    public static Task<IResult> ResultAsync(HttpContext http, int status, string? reason = null)
    {
        // An address without a language (the admin area) answers in the person's own, else the browser's.
        var culture = SiteEndpoints.CultureOfPath(http)
            ?? (http.User.FindFirst(Users.LearnClaims.Culture)?.Value is { } own && Cultures.IsSupported(own) ? own : null)
            ?? Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage);
        var pages = http.RequestServices.GetRequiredService<SitePages>();
        if (status == StatusCodes.Status404NotFound) return SiteEndpoints.NotFound(http, culture, pages);
        var page = SitePages.ForSection(http, culture, "") with { SwitchUrl = $"/{Cultures.Other(culture)}/", Alternates = [] };
        return pages.Render(http, "refused", page, new { Status = status, Reason = reason }, status);
    }
}
