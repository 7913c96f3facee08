using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

/// <summary>Participants follow new session summaries in a feed reader: one Atom feed per language, found from the pages.</summary>
[Collection(SiteCollection.Name)]
public sealed class SummaryFeedTests(SiteFixture fixture)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private TestSite Site => fixture.Site;

    [Theory]
    [InlineData("ru", "Итоги сессий — МыАлматы.Learn")]
    [InlineData("kk", "Сессия қорытындылары — МыАлматы.Learn")]
    public async Task Each_language_has_an_atom_feed_with_an_entry_per_published_summary(string culture, string title)
    {
        var origin = Site.Address.GetLeftPart(UriPartial.Authority);
        var feed = await FeedAsync(Site, culture);
        var summaries = Site.Services.GetRequiredService<PublishedContent>().Current.OfType(culture, ContentTypeNames.SessionSummary);

        Assert.Equal(culture, (string)feed.Attribute(XNamespace.Xml + "lang")!);
        Assert.Equal(title, (string)feed.Element(Atom + "title")!);
        Assert.Equal($"{origin}/{culture}/summaries/feed.atom", (string)feed.Element(Atom + "id")!);
        Assert.Equal($"{origin}/{culture}/summaries/feed.atom", Link(feed, "self"));
        Assert.Equal($"{origin}/{culture}/summaries", Link(feed, "alternate"));
        Assert.False(string.IsNullOrWhiteSpace((string?)feed.Element(Atom + "author")?.Element(Atom + "name")));
        Assert.True(DateTimeOffset.TryParse((string)feed.Element(Atom + "updated")!, out _));

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(summaries);
        Assert.Equal(summaries.Count, entries.Count);
        foreach (var entry in entries)
        {
            var summary = Assert.Single(summaries, s => s.Title == (string)entry.Element(Atom + "title")!);
            var page = $"{origin}/{culture}/summaries/{summary.Slug}";
            Assert.Equal(page, (string)entry.Element(Atom + "id")!);
            Assert.Equal(page, entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("hreflang") == culture).Attribute("href")!.Value);
            Assert.True(DateTimeOffset.TryParse((string)entry.Element(Atom + "published")!, out _));
            Assert.True(DateTimeOffset.TryParse((string)entry.Element(Atom + "updated")!, out _));
            Assert.Equal(summary.Metadata.Summary, (string?)entry.Element(Atom + "summary"));
            var content = entry.Element(Atom + "content")!;
            Assert.Equal("html", (string)content.Attribute("type")!);
            // The body as the page shows it, with every link to the site absolute.
            var html = Html.Parse($"<body>{content.Value}</body>");
            Assert.NotEmpty(html.QuerySelectorAll("p"));
            Assert.Empty(html.QuerySelectorAll("script, style, iframe"));
            var links = html.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).ToList();
            Assert.Contains(links, l => l.StartsWith($"{origin}/{culture}/glossary/", StringComparison.Ordinal));
            Assert.All(links, l => Assert.StartsWith("http", l));
            using var target = await Site.Client.GetAsync(new Uri(page).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, target.StatusCode);
        }
    }

    [Theory]
    [InlineData("/ru/", "ru")]
    [InlineData("/kk/", "kk")]
    [InlineData("/ru/summaries", "ru")]
    [InlineData("/kk/summaries/intro-session-grassroots", "kk")]
    public async Task The_home_and_summaries_pages_name_the_feed_of_their_language(string path, string culture)
    {
        var (_, page) = await Html.GetAsync(Site.Client, path);

        var link = Assert.Single(page.QuerySelectorAll("head link[rel=alternate][type='application/atom+xml']"));
        Assert.Equal($"/{culture}/summaries/feed.atom", link.GetAttribute("href"));
        Assert.False(string.IsNullOrWhiteSpace(link.GetAttribute("title")));
    }

    [Fact]
    public async Task Other_pages_name_no_feed()
    {
        var (_, page) = await Html.GetAsync(Site.Client, "/ru/courses");

        Assert.Empty(page.QuerySelectorAll("link[type='application/atom+xml']"));
    }

    [Fact]
    public async Task A_summary_taken_off_the_site_leaves_its_feed_and_returns_when_published_again()
    {
        await using var site = await TestSite.StartAsync();
        var summary = new ContentKey("kk", ContentTypeNames.SessionSummary, "intro-session-grassroots");
        Assert.Single((await FeedAsync(site, "kk")).Elements(Atom + "entry"));

        await SitemapTests.ChangeAsync(site, p => p.UnpublishAsync(summary, "editor"));
        var empty = await FeedAsync(site, "kk");
        Assert.Empty(empty.Elements(Atom + "entry"));
        Assert.Single((await FeedAsync(site, "ru")).Elements(Atom + "entry"));

        await SitemapTests.ChangeAsync(site, p => p.PublishAsync(summary, "editor"));
        Assert.Single((await FeedAsync(site, "kk")).Elements(Atom + "entry"));
    }

    private static async Task<XElement> FeedAsync(TestSite site, string culture)
    {
        using var response = await site.Client.GetAsync($"/{culture}/summaries/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(response.Headers.ETag);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        return feed;
    }

    private static string Link(XElement element, string rel) =>
        element.Elements(Atom + "link").Single(l => (string)l.Attribute("rel")! == rel).Attribute("href")!.Value;
}
