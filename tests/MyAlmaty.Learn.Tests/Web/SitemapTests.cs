using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

/// <summary>
/// Search engines find every public page in both languages through /sitemap.xml, each with its
/// translation, at the site's public address; robots.txt points them to it and away from what is
/// someone's own.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SitemapTests(SiteFixture fixture)
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private TestSite Site => fixture.Site;

    [Fact]
    public async Task The_sitemap_lists_every_published_page_in_both_languages_and_nothing_else()
    {
        var urls = await UrlsAsync(Site);
        var origin = Site.Address.GetLeftPart(UriPartial.Authority);
        var catalog = Site.Services.GetRequiredService<PublishedContent>().Current;
        var addresses = Site.Services.GetRequiredService<ContentUrls>();
        string[] types = [ContentTypeNames.Course, ContentTypeNames.Lesson, ContentTypeNames.GlossaryTerm, ContentTypeNames.SessionSummary, ContentTypeNames.Page];
        var expected = new[] { "ru", "kk" }
            .SelectMany(c => new[] { $"/{c}/", $"/{c}/courses", $"/{c}/glossary", $"/{c}/summaries" }
                .Concat(types.SelectMany(t => catalog.OfType(c, t)).Select(i => addresses.UrlFor(i, catalog)).OfType<string>()))
            .Select(path => origin + path)
            .ToHashSet();

        Assert.Equal(expected.Order(StringComparer.Ordinal), urls.Keys.Order(StringComparer.Ordinal));
        // Every published lesson, in both languages, under its course.
        var lessons = new[] { "ru", "kk" }.SelectMany(c => catalog.OfType(c, ContentTypeNames.Lesson)).ToList();
        Assert.Equal(catalog.OfType("ru", ContentTypeNames.Lesson).Count, catalog.OfType("kk", ContentTypeNames.Lesson).Count);
        Assert.True(lessons.Count >= 20);
        Assert.All(lessons, l => Assert.Contains($"{origin}{addresses.UrlFor(l, catalog)}", urls.Keys));
        Assert.All(lessons, l => Assert.Matches($"/{l.Culture}/courses/[a-z-]+/{l.Slug}$", addresses.UrlFor(l, catalog)));
        Assert.Contains(origin + "/kk/courses/grassroots/urban-activist", urls.Keys);
        Assert.Contains(origin + "/ru/summaries/intro-session-grassroots", urls.Keys);
        Assert.Contains(origin + "/kk/about", urls.Keys);
    }

    [Fact]
    public async Task Every_address_in_the_sitemap_names_its_translation_and_its_last_publication()
    {
        var urls = await UrlsAsync(Site);

        foreach (var (loc, url) in urls)
        {
            var alternates = url.Elements(Xhtml + "link").ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);
            Assert.True(alternates.ContainsKey("ru") && alternates.ContainsKey("kk"), $"{loc} lacks a language among its alternates");
            Assert.All(alternates.Values, a => Assert.Contains(a, urls.Keys.Append(Site.Address.GetLeftPart(UriPartial.Authority) + "/")));
            Assert.All(url.Elements(Xhtml + "link"), l => Assert.Equal("alternate", (string)l.Attribute("rel")!));
            var culture = new Uri(loc).AbsolutePath.Split('/')[1];
            Assert.Equal(loc, alternates[culture]);
            // The other language's entry points back.
            var other = alternates[culture == "ru" ? "kk" : "ru"];
            Assert.Equal(loc, urls[other].Elements(Xhtml + "link").Single(l => (string)l.Attribute("hreflang")! == culture).Attribute("href")!.Value);
            var lastmod = DateTimeOffset.Parse((string)url.Element(Sitemap + "lastmod")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(lastmod, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.UtcNow.AddMinutes(1));
        }
        Assert.Equal(Site.Address.GetLeftPart(UriPartial.Authority) + "/",
            urls[Site.Address.GetLeftPart(UriPartial.Authority) + "/ru/"].Elements(Xhtml + "link").Single(l => (string)l.Attribute("hreflang")! == "x-default").Attribute("href")!.Value);
    }

    [Fact]
    public async Task Every_address_in_the_sitemap_is_a_page_that_answers()
    {
        foreach (var loc in (await UrlsAsync(Site)).Keys)
        {
            using var response = await Site.Client.GetAsync(new Uri(loc).PathAndQuery);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{loc}: {(int)response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task The_sitemap_and_robots_txt_answer_head_and_carry_a_tag()
    {
        foreach (var path in new[] { "/sitemap.xml", "/robots.txt" })
        {
            using var get = await Site.Client.GetAsync(path);
            using var head = await Site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.NotNull(get.Headers.ETag);
            Assert.True(get.Headers.CacheControl!.Public);
        }
    }

    [Fact]
    public async Task Robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_personal_pages()
    {
        using var response = await Site.Client.GetAsync("/robots.txt");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n');

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"Sitemap: {Site.Address.GetLeftPart(UriPartial.Authority)}/sitemap.xml", lines);
        Assert.Contains("User-agent: *", lines);
        foreach (var culture in new[] { "ru", "kk" })
        {
            Assert.Contains($"Disallow: /{culture}/account/", lines);
            Assert.Contains($"Disallow: /{culture}/my$", lines);
            Assert.Contains($"Disallow: /{culture}/search.json", lines);
            Assert.Contains($"Disallow: /{culture}/quizzes/*/attempts", lines);
            Assert.Contains($"Disallow: /{culture}/editor/", lines);
            Assert.Contains($"Disallow: /{culture}/admin/", lines);
        }
        // Nothing public is closed: no rule is a prefix of a page in the sitemap.
        var closed = lines.Where(l => l.StartsWith("Disallow: ", StringComparison.Ordinal)).Select(l => l["Disallow: ".Length..]).ToList();
        foreach (var loc in (await UrlsAsync(Site)).Keys)
        {
            var path = new Uri(loc).AbsolutePath;
            Assert.DoesNotContain(closed, rule => Blocks(rule, path));
        }
    }

    [Fact]
    public async Task Addresses_come_from_the_configured_public_address_whatever_host_was_asked()
    {
        await using var site = await TestSite.StartAsync(extraArgs: "--Site:PublicUrl=https://learn.example.kz");
        var request = new HttpRequestMessage(HttpMethod.Get, "/sitemap.xml") { Headers = { Host = $"localhost:{site.Address.Port}" } };
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");

        using var response = await site.Client.SendAsync(request);
        var sitemap = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var robots = await site.Client.GetStringAsync("/robots.txt");

        var addresses = sitemap.Descendants(Sitemap + "loc").Select(l => l.Value)
            .Concat(sitemap.Descendants(Xhtml + "link").Select(l => (string)l.Attribute("href")!)).ToList();
        Assert.True(addresses.Count > 100);
        Assert.All(addresses, a => Assert.StartsWith("https://learn.example.kz/", a));
        Assert.Contains("Sitemap: https://learn.example.kz/sitemap.xml\n", robots);
    }

    [Fact]
    public async Task A_page_taken_off_the_site_leaves_the_sitemap_and_returns_when_published_again()
    {
        await using var site = await TestSite.StartAsync();
        var origin = site.Address.GetLeftPart(UriPartial.Authority);
        var term = new ContentKey("kk", ContentTypeNames.GlossaryTerm, "open-data");
        var address = origin + "/kk/glossary/open-data";
        Assert.Contains(address, (await UrlsAsync(site)).Keys);

        await ChangeAsync(site, p => p.UnpublishAsync(term, "editor"));
        var without = await UrlsAsync(site);
        Assert.DoesNotContain(address, without.Keys);
        // Its Russian original no longer claims a Kazakh translation.
        Assert.DoesNotContain(without[origin + "/ru/glossary/open-data"].Elements(Xhtml + "link"), l => (string)l.Attribute("hreflang")! == "kk");

        await ChangeAsync(site, p => p.PublishAsync(term, "editor"));
        var with = await UrlsAsync(site);
        Assert.Contains(address, with.Keys);
        var lastmod = DateTimeOffset.Parse((string)with[address].Element(Sitemap + "lastmod")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(lastmod > DateTimeOffset.UtcNow.AddMinutes(-1), $"lastmod {lastmod} is not the new publication");
    }

    /// <summary>The sitemap's entries by address, after checking it is a sitemap.</summary>
    internal static async Task<Dictionary<string, XElement>> UrlsAsync(TestSite site)
    {
        using var response = await site.Client.GetAsync("/sitemap.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Sitemap + "urlset", document.Root!.Name);
        return document.Root.Elements(Sitemap + "url").ToDictionary(u => (string)u.Element(Sitemap + "loc")!);
    }

    internal static async Task ChangeAsync(TestSite site, Func<ContentPublishing, Task<bool>> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await change(scope.ServiceProvider.GetRequiredService<ContentPublishing>()));
    }

    /// <summary>Whether a robots.txt rule (with * and $ as the major crawlers read them) covers the path.</summary>
    private static bool Blocks(string rule, string path)
    {
        var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(rule).Replace("\\*", ".*").Replace("\\$", "$");
        return System.Text.RegularExpressions.Regex.IsMatch(path, pattern);
    }
}
