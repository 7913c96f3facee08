using System.Net;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

public sealed class TemplateErrorTests
{
    private const string BrokenView = "<h1>{{ page.title }}</h1>\n<p>\n{% if page.title %}\n<p>never closed\n";

    [Fact]
    public async Task In_development_a_template_error_names_the_template_and_its_line()
    {
        using var themes = CopyThemes(("views/home.liquid", "line one\n{{ page.title | }}\n"));
        await using var site = await TestSite.StartAsync(themesPath: themes.Path, environment: "Development");

        var response = await site.Client.GetAsync("/ru/");
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("themes/Default/views/home.liquid, line 2", body);
    }

    [Fact]
    public async Task In_production_a_template_error_shows_a_friendly_page_without_details()
    {
        using var themes = CopyThemes(("views/home.liquid", BrokenView));
        await using var site = await TestSite.StartAsync(themesPath: themes.Path);

        var (response, page) = await Html.GetAsync(site.Client, "/kk/");
        var body = page.DocumentElement.OuterHtml;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("kk", page.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain(".liquid", body);
        Assert.DoesNotContain("Exception", body);
        Assert.NotNull(page.QuerySelector("main a[href='/kk/']"));
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_failed_page_logs_its_address_without_the_token_of_a_one_time_link()
    {
        using var themes = CopyThemes(("views/account-link.liquid", BrokenView), ("views/account-reset.liquid", BrokenView));
        await using var site = await TestSite.StartAsync(themesPath: themes.Path);
        const string token = "Zm9vYmFyLXNlY3JldC10b2tlbi12YWx1ZS0xMjM0NTY3";

        using var link = await site.Client.GetAsync($"/ru/account/link/{token}?purpose=confirm");
        using var reset = await site.Client.GetAsync($"/kk/account/reset/{token}");

        Assert.Equal(HttpStatusCode.InternalServerError, link.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, reset.StatusCode);
        Assert.Contains(site.Logs.Lines, l => l.Contains("/ru/account/link/…", StringComparison.Ordinal));
        Assert.DoesNotContain(site.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_the_layout_itself_is_broken_the_static_error_page_is_served()
    {
        using var themes = CopyThemes(("views/layout.liquid", BrokenView));
        await using var site = await TestSite.StartAsync(themesPath: themes.Path);

        var response = await site.Client.GetAsync("/ru/");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(themes.Path, "Default", "error.html")), body);
        AssertSecurityHeaders(response);
    }

    /// <summary>The error handler clears the response; the headers must come back.</summary>
    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    private static TempFolder CopyThemes(params (string Path, string Text)[] overrides)
    {
        var folder = new TempFolder();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Themes, "*", SearchOption.AllDirectories))
        {
            folder.Write(Path.GetRelativePath(RepoPaths.Themes, file), File.ReadAllBytes(file));
        }
        foreach (var (path, text) in overrides) folder.Write(Path.Combine("Default", path), text);
        return folder;
    }
}
