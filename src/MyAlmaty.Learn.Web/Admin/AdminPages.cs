using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>The admin area's own theme (themes/Admin): the same Liquid engine, filters and PO files as the site's.</summary>
public sealed class AdminTheme(ThemeRenderer renderer, ThemeAssets assets)
{
    public const string Name = "Admin";
    public const string AssetPrefix = "/admin/assets";

    public ThemeRenderer Renderer { get; } = renderer;
    public ThemeAssets Assets { get; } = assets;
}

/// <summary>What the admin layout needs: the editor's language, the section, the navigation they may use.</summary>
public sealed record AdminPage
{
    public required string Culture { get; init; }
    public string OtherCulture => Cultures.Other(Culture);
    public string? Title { get; init; }
    public string Section { get; init; } = "";
    public IReadOnlyList<AdminNavItem> Nav { get; init; } = [];
    public UserView? User { get; init; }
    public AntiforgeryView? Antiforgery { get; init; }

    /// <summary>A message to confirm what was just done, already translated.</summary>
    public string? Notice { get; init; }

    public IReadOnlyList<LinkView> Breadcrumbs { get; init; } = [];
    public string Path { get; init; } = "/admin";
}

public sealed record AdminNavItem(string Key, string Label, string Url);

/// <summary>
/// Renders admin pages in the editor's own interface language (their account's language, whatever
/// the language of the content they edit). Every admin page has forms, so every one gets a token.
/// </summary>
public sealed class AdminPages(AdminTheme theme, IAntiforgery antiforgery, PermissionGrants grants, UiStrings strings)
{
    private static readonly (string Key, string Label, string Url, string Permission)[] Sections =
    [
        ("dashboard", "Overview", "/admin", Permissions.AdminAccess),
        ("content", "Content", "/admin/content", Permissions.ContentView),
        ("summaries", "Session summaries", "/admin/content?type=SessionSummary", Permissions.SummariesEdit),
        ("translations", "Translations", "/admin/translations", Permissions.ContentView),
        ("media", "Media", "/admin/media", Permissions.MediaManage),
        ("workshops", "Workshops", "/admin/workshops", MyAlmaty.Learn.Workshops.WorkshopPermissions.Run),
        ("users", "People", "/admin/users", Permissions.UsersManage),
        ("audit", "Audit trail", "/admin/audit", Permissions.AuditView),
    ];

    /// <summary>The editor's interface language: the one their account is set to.</summary>
    public static string CultureOf(HttpContext http) =>
        http.User.FindFirst(LearnClaims.Culture)?.Value is { } c && Cultures.IsSupported(c) ? c : Cultures.Default;

    public static string? UserId(HttpContext http) => http.User.FindFirstValue(ClaimTypes.NameIdentifier);

    public string T(HttpContext http, string msgid, params object?[] args) => strings.Get(CultureOf(http), msgid, args);

    public async Task<IResult> Render(HttpContext http, string view, string section, string? title, object? model, int status = StatusCodes.Status200OK, string? notice = null)
    {
        var culture = CultureOf(http);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var page = new AdminPage
        {
            Culture = culture,
            Title = title,
            Section = section,
            Nav = Sections.Where(s => grants.Has(http.User, s.Permission))
                .Where(s => s.Key != "summaries" || !grants.Has(http.User, Permissions.ContentView))
                .Select(s => new AdminNavItem(s.Key, s.Label, s.Url)).ToList(),
            User = SitePages.SignedInUser(http),
            Antiforgery = new AntiforgeryView(tokens.FormFieldName, tokens.RequestToken!),
            Notice = notice,
            Path = ReturnPaths.Local(http.Request.Path.ToUriComponent()) ?? "/admin",
        };
        var values = new Dictionary<string, object?> { ["page"] = page, ["model"] = model };
        var html = await theme.Renderer.RenderAsync(view, culture, values);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    public bool Can(HttpContext http, string permission) => grants.Has(http.User, permission);
}
