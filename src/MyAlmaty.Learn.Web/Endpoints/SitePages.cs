using Microsoft.AspNetCore.Antiforgery;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>Turns a view and its model into an HTML response, filling in what every page shares.</summary>
public sealed class SitePages(ThemeRenderer theme, PublishedContent published, ContentUrls urls, IAntiforgery antiforgery)
{
    public const string UntranslatedNotice = "untranslated";

    public const string NoticeParameter = "notice";

    /// <summary>Notices a page may be asked to show with ?notice=…; anything else is ignored.</summary>
    private static readonly string[] Notices = [UntranslatedNotice, "deleted"];

    public static bool IsNotice(Microsoft.Extensions.Primitives.StringValues asked) => asked.Count == 1 && Array.IndexOf(Notices, asked.ToString()) >= 0;

    /// <param name="forms">Whether the view has forms: then it gets an antiforgery token (and is not cached, tagged or compressed).</param>
    public async Task<IResult> Render(HttpContext http, string view, PageInfo page, object? model, int status = StatusCodes.Status200OK, bool forms = false)
    {
        var asked = http.Request.Query[NoticeParameter];
        var notice = IsNotice(asked) ? asked.ToString() : page.Notice;
        var user = SignedInUser(http);
        AntiforgeryView? token = null;
        if (forms || user is not null)
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            token = new AntiforgeryView(tokens.FormFieldName, tokens.RequestToken!);
        }
        var latin = LatinScript.IsChosen(http, page.Culture);
        var self = EchoablePath(http, page.Culture);
        var values = new Dictionary<string, object?>
        {
            ["page"] = page with { Notice = notice, User = user, Antiforgery = token, Latin = latin, ScriptUrl = ScriptUrl(page, self, latin) },
            ["model"] = model,
            ["path"] = self,
        };
        var html = await theme.RenderAsync(view, page.Culture, values);
        if (latin) html = LatinScript.Transliterate(html);
        return new TaggedContent(System.Text.Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", status);
    }

    /// <summary>
    /// The page's own address as a page may repeat it (in links back to it): the path, never the
    /// query string, which is whatever a sender wrote — a page that echoed it could be made huge, or
    /// cached with a stranger's words in it. Pages that mean their query (search) say so with <see cref="PageInfo.Self"/>.
    /// </summary>
    private static string EchoablePath(HttpContext http, string culture) =>
        ReturnPaths.Local(http.Request.Path.ToUriComponent()) ?? $"/{culture}/";

    private static string? ScriptUrl(PageInfo page, string path, bool latin) =>
        page.Culture == Localization.Cultures.Kazakh
            ? $"/{page.Culture}/script/{(latin ? LatinScript.Cyrillic : LatinScript.Latin)}?return={Uri.EscapeDataString(ReturnPaths.Local(page.Self) ?? path)}"
            : null;

    /// <summary>Page info for a content item: alternates for each existing translation, and the switcher target.</summary>
    public PageInfo ForItem(HttpContext http, PublishedItem item, string section, string? description = null)
    {
        var catalog = published.Current;
        var other = Localization.Cultures.Other(item.Culture);
        var translation = catalog.TranslationOf(item, other) is { } t ? urls.UrlFor(t, catalog) : null;
        var own = urls.UrlFor(item, catalog) ?? http.Request.Path.Value!;
        var alternates = new List<AlternateLink> { new(item.Culture, Absolute(http, own)) };
        if (translation is not null) alternates.Add(new AlternateLink(other, Absolute(http, translation)));
        return new PageInfo
        {
            Culture = item.Culture,
            Title = item.Title,
            Description = description ?? item.Metadata.Summary,
            Section = section,
            Alternates = alternates,
            SwitchUrl = translation ?? $"{urls.SectionUrl(item.ContentType, other)}?notice={UntranslatedNotice}",
        };
    }

    /// <summary>Page info for a page that exists in both languages at the same path after the culture.</summary>
    public static PageInfo ForSection(HttpContext http, string culture, string section)
    {
        var rest = http.Request.Path.Value is { } p && p.Length > 3 ? p[3..] : "/";
        var other = Localization.Cultures.Other(culture);
        return new PageInfo
        {
            Culture = culture,
            Section = section,
            Alternates = [new(culture, Absolute(http, $"/{culture}{rest}")), new(other, Absolute(http, $"/{other}{rest}"))],
            SwitchUrl = $"/{other}{rest}",
        };
    }

    public static UserView? SignedInUser(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? new UserView(http.User.FindFirst(Users.LearnClaims.DisplayName)?.Value, http.User.FindFirst(System.Security.Claims.ClaimTypes.Email)?.Value ?? http.User.Identity.Name ?? "")
            : null;

    /// <summary>An absolute address on the public site; never built from the request's Host header.</summary>
    public static string Absolute(HttpContext http, string path) => http.RequestServices.GetRequiredService<Hosting.PublicAddress>().Absolute(path);
}
