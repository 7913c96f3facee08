using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>
/// Every endpoint that declares a permission, read from the running site's router, asked for by
/// each role and by a visitor who is not signed in, in both languages, with every method it answers.
/// What each should get follows from the grant table: a new endpoint, a new permission or a new
/// grant is checked without a new test.
/// </summary>
internal sealed class PermissionMatrix(TestSite site)
{
    /// <summary>The roles, and null for a visitor who is not signed in.</summary>
    public static IReadOnlyList<string?> Visitors { get; } = [RoleNames.Administrator, RoleNames.Editor, RoleNames.Facilitator, RoleNames.Learner, null];

    public sealed record Declared(RouteEndpoint Endpoint, IReadOnlyList<string> Permissions, IReadOnlyList<string> Methods)
    {
        public RoutePattern Pattern => Endpoint.RoutePattern;

        public override string ToString() => $"{string.Join("/", Methods)} {Pattern.RawText} ({string.Join(", ", Permissions)})";
    }

    public IReadOnlyList<RouteEndpoint> AllEndpoints() =>
        [.. site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    public IReadOnlyList<Declared> DeclaredEndpoints() =>
        [.. AllEndpoints()
            .Select(e => new Declared(e, [.. e.Metadata.GetOrderedMetadata<PermissionRequirement>().Select(r => r.Permission)],
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get]))
            .Where(d => d.Permissions.Count > 0)];

    /// <summary>Endpoints of the admin area or the editors' workspace (an «admin» or «editor» segment) that declare no permission.</summary>
    public IReadOnlyList<string> UndeclaredWorkspaceEndpoints() =>
        [.. AllEndpoints()
            .Where(e => IsWorkspace(e.RoutePattern) && e.Metadata.GetMetadata<PermissionRequirement>() is null)
            .Select(e => e.RoutePattern.RawText ?? e.DisplayName ?? "?")];

    private static bool IsWorkspace(RoutePattern pattern) =>
        pattern.PathSegments.Any(s => s.Parts.OfType<RoutePatternLiteralPart>().Any(l => l.Content is "admin" or "editor"));

    /// <summary>Asks every declared endpoint as every visitor; returns what did not answer as the grant table says.</summary>
    public async Task<IReadOnlyList<string>> WalkAsync()
    {
        var grants = site.Services.GetRequiredService<PermissionGrants>();
        var strings = site.Services.GetRequiredService<UiStrings>();
        // Each role once per interface language: pages without a language in their address (the admin
        // area) answer in the person's own language, or in the browser's for a visitor not signed in.
        var clients = new Dictionary<(string, string), HttpClient>();
        foreach (var role in Visitors.OfType<string>())
        {
            foreach (var language in Cultures.All) clients[(role, language)] = await RoleClients.SignInAsync(site, role, language);
        }
        using var anonymous = site.NewClient();
        var problems = new List<string>();
        try
        {
            foreach (var declared in DeclaredEndpoints())
            {
                foreach (var culture in Cultures.All)
                {
                    var path = PathOf(declared.Pattern, culture);
                    foreach (var method in declared.Methods)
                    {
                        foreach (var visitor in Visitors)
                        {
                            var client = visitor is null ? anonymous : clients[(visitor, culture)];
                            using var request = new HttpRequestMessage(new HttpMethod(method), path);
                            request.Headers.AcceptLanguage.ParseAdd(culture);
                            if (method == HttpMethods.Post) request.Content = await TokenOnlyFormAsync(client, culture);
                            using var response = await client.SendAsync(request);
                            var allowed = visitor is not null && declared.Permissions.All(grants.Of(visitor).Contains)
                                // A page of one workshop is also its facilitators'; the roles here run none, so only who runs all may open it.
                                && (declared.Endpoint.Metadata.GetMetadata<MyAlmaty.Learn.Web.Admin.WorkshopScope>() is not { } scope || grants.Of(visitor).Contains(scope.Needed));
                            var problem = await ProblemAsync(response, method, path, culture, visitor, allowed, strings);
                            if (problem is not null) problems.Add($"{method} {path} as {visitor ?? "anonymous"} ({string.Join(", ", declared.Permissions)}): {problem}");
                        }
                    }
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values) client.Dispose();
        }
        return problems;
    }

    /// <summary>Posts to every declared POST endpoint, as the Administrator, a form without the antiforgery token.</summary>
    public async Task<IReadOnlyList<string>> PostsWithoutTokenAsync()
    {
        var administrators = new Dictionary<string, HttpClient>();
        foreach (var language in Cultures.All) administrators[language] = await RoleClients.SignInAsync(site, RoleNames.Administrator, language);
        var problems = new List<string>();
        foreach (var declared in DeclaredEndpoints().Where(d => d.Methods.Contains(HttpMethods.Post)))
        {
            foreach (var culture in Cultures.All)
            {
                var path = PathOf(declared.Pattern, culture);
                using var response = await administrators[culture].PostAsync(path, new FormUrlEncodedContent([new("note", "без токена")]));
                var page = Html.Parse(await response.Content.ReadAsStringAsync());
                if (response.StatusCode != HttpStatusCode.BadRequest || page.DocumentElement.GetAttribute("lang") != culture || page.QuerySelector(".oops-code")?.TextContent.Trim() != "400")
                {
                    problems.Add($"POST {path} without a token: {(int)response.StatusCode}, lang «{page.DocumentElement.GetAttribute("lang")}», «{page.QuerySelector("h1")?.TextContent.Trim()}»");
                }
            }
        }
        foreach (var client in administrators.Values) client.Dispose();
        return problems;
    }

    private static async Task<string?> ProblemAsync(HttpResponseMessage response, string method, string path, string culture, string? visitor, bool allowed, UiStrings strings)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString;
        var signIn = $"/{culture}/account/sign-in";
        if (visitor is null)
        {
            var expected = $"{signIn}?returnPath={Uri.EscapeDataString(path)}";
            return status == StatusCodes.Status302Found && location == expected ? null : $"{status} to «{location}», expected 302 to «{expected}»";
        }
        if (allowed)
        {
            var refused = status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
                || location is not null && location.StartsWith(signIn, StringComparison.Ordinal);
            return refused ? $"{status} to «{location}», but the role holds the permission" : null;
        }
        if (status != StatusCodes.Status403Forbidden) return $"{status} to «{location}», expected 403";
        if (method == HttpMethods.Head) return null;
        var page = Html.Parse(await response.Content.ReadAsStringAsync());
        var heading = page.QuerySelector("h1")?.TextContent.Trim();
        var expectedHeading = strings.Get(culture, "You have no access to this page");
        return page.DocumentElement.GetAttribute("lang") == culture && page.QuerySelector(".oops-code")?.TextContent.Trim() == "403" && heading == expectedHeading
            ? null
            : $"403 page in «{page.DocumentElement.GetAttribute("lang")}» headed «{heading}», expected the themed refusal «{expectedHeading}»";
    }

    /// <summary>A form with nothing but the antiforgery token, taken from a page form of the same visitor.</summary>
    private async Task<HttpContent> TokenOnlyFormAsync(HttpClient client, string culture)
    {
        var field = site.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.FormFieldName!;
        var (_, page) = await Html.GetAsync(client, $"/{culture}/account/sign-in");
        var token = page.QuerySelector($"form input[name='{field}']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery field on /{culture}/account/sign-in");
        return new FormUrlEncodedContent([new(field, token!)]);
    }

    /// <summary>The pattern with sensible values: the culture asked for, a quiz that exists, and so on.</summary>
    public static string PathOf(RoutePattern pattern, string culture)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => Sample(pattern, parameter.Name, culture),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Sample(RoutePattern pattern, string parameter, string culture) => parameter switch
    {
        "culture" => culture,
        "course" => "grassroots",
        "lesson" => "urban-activist",
        "slug" when pattern.RawText!.Contains("/courses/", StringComparison.Ordinal) => "grassroots",
        "slug" when pattern.RawText!.Contains("/glossary/", StringComparison.Ordinal) => "citizen",
        "slug" when pattern.RawText!.Contains("/summaries/", StringComparison.Ordinal) => "intro-session-grassroots",
        "slug" when pattern.RawText!.Contains("/quizzes/", StringComparison.Ordinal) => "urban-activist",
        "slug" => "about",
        "id" => "AAAAAAAAAAAAAAAAAAAAAA",
        "folder" => "lessons",
        "campaign" => "1",
        "language" => "ru",
        "key" when pattern.RawText!.Contains("/summaries/", StringComparison.Ordinal) => "intro-session-grassroots",
        "key" => "civic-activism",
        _ => "x",
    };
}
