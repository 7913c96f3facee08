using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>Where a request that needs a signed-in person is sent: the sign-in page in the address's language, and the way back.</summary>
public static class SignInPage
{
    public static string Url(string culture, string? returnPath) =>
        ReturnPaths.Local(returnPath) is { } local
            ? $"/{culture}/account/sign-in?returnPath={Uri.EscapeDataString(local)}"
            : $"/{culture}/account/sign-in";

    /// <summary>The sign-in page for this request, to come back to the same address: with its query when that is a plain one, else without.</summary>
    public static string For(HttpContext http)
    {
        var culture = SiteEndpoints.CultureOfPath(http) ?? Cultures.FromAcceptLanguage(http.Request.Headers.AcceptLanguage);
        var path = http.Request.Path.ToUriComponent();
        return Url(culture, ReturnPaths.Local(path + http.Request.QueryString.ToUriComponent()) ?? path);
    }
}
