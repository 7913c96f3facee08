using System.Net;
using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

[Collection(SiteCollection.Name)]
public sealed class CultureRoutingTests(SiteFixture site)
{
    [Theory]
    [InlineData("kk", "/kk/")]
    [InlineData("kk-KZ,kk;q=0.9,ru;q=0.8", "/kk/")]
    [InlineData("ru-RU,ru;q=0.9", "/ru/")]
    [InlineData("en-US,en;q=0.9", "/ru/")]
    [InlineData("en-US,kk;q=0.8,ru;q=0.5", "/kk/")]
    [InlineData("", "/ru/")]
    public async Task The_root_picks_the_language_from_the_browser(string acceptLanguage, string expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage.Length > 0) request.Headers.Add("Accept-Language", acceptLanguage);

        var response = await site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/ru/", "ru")]
    [InlineData("/kk/", "kk")]
    [InlineData("/kk/courses/smart-city/digital-services", "kk")]
    [InlineData("/ru/glossary/civic-activism", "ru")]
    public async Task Every_page_declares_its_language(string path, string culture)
    {
        var (response, page) = await Html.GetAsync(site.Client, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_language_switcher_leads_to_the_translation_of_the_page()
    {
        var (_, page) = await Html.GetAsync(site.Client, "/ru/courses/grassroots/urban-activist");

        var switcher = page.QuerySelector("a[hreflang='kk']");

        Assert.NotNull(switcher);
        Assert.Equal("/kk/courses/grassroots/urban-activist", switcher!.GetAttribute("href"));
        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => (l.GetAttribute("hreflang"), new Uri(l.GetAttribute("href")!).AbsolutePath));
        Assert.Equal([("ru", "/ru/courses/grassroots/urban-activist"), ("kk", "/kk/courses/grassroots/urban-activist")], alternates);
    }

    [Fact]
    public async Task Without_a_translation_the_switcher_leads_to_the_section_with_a_notice()
    {
        using var content = new TempFolder();
        SampleContent.WriteTo(content);
        await using var lonely = await TestSite.StartAsync(contentPath: content.Path);

        var (_, page) = await Html.GetAsync(lonely.Client, "/ru/courses/c/l");
        var target = page.QuerySelector("a[hreflang='kk']")!.GetAttribute("href")!;
        var (response, section) = await Html.GetAsync(lonely.Client, target);

        Assert.Equal("/kk/courses?notice=untranslated", target);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(section.QuerySelector("[data-notice='untranslated']"));
        Assert.Single(page.QuerySelectorAll("link[rel=alternate][hreflang]"));
    }

    [Theory]
    [InlineData("/ru/courses/no-such-course")]
    [InlineData("/kk/glossary/no-such-term")]
    [InlineData("/en/")]
    [InlineData("/ru/courses/grassroots/no-such-lesson")]
    public async Task An_unknown_address_gets_a_friendly_404_in_a_language(string path)
    {
        var (response, page) = await Html.GetAsync(site.Client, path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(page.DocumentElement.GetAttribute("lang"), new[] { "ru", "kk" });
        Assert.NotNull(page.QuerySelector("main a[href]"));
    }

    [Fact]
    public async Task Responses_carry_the_security_headers()
    {
        var response = await site.Client.GetAsync("/ru/");

        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}
