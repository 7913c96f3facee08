using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>The themed page for a request the site will not serve (400, 403, 404, 413), in the language of its address.</summary>
public static class Refusals
{
    public static async Task WriteAsync(HttpContext http, int status)
    {
        var result = await ResultAsync(http, status);
        await result.ExecuteAsync(http);
    }

    public static Task<IResult> ResultAsync(HttpContext http, int status)
    {
        var culture = SiteEndpoints.CultureOfPath(http) ?? Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage);
        var pages = http.RequestServices.GetRequiredService<SitePages>();
        if (status == StatusCodes.Status404NotFound) return SiteEndpoints.NotFound(http, culture, pages);
        var page = SitePages.ForSection(http, culture, "") with { SwitchUrl = $"/{Cultures.Other(culture)}/", Alternates = [] };
        return pages.Render(http, "refused", page, new { Status = status }, status);
    }
}
