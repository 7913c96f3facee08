using System.Net;
using System.Xml.Linq;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

/// <summary>The tab and bookmarks show the «МыАлматы» apple: the icon at its usual addresses, and linked from every page.</summary>
[Collection(SiteCollection.Name)]
public sealed class FaviconTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task Favicon_ico_is_an_icon_with_small_png_images()
    {
        using var response = await Site.Client.GetAsync("/favicon.ico");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType!.MediaType);
        // ICONDIR: reserved 0, type 1 (icon), then the count of images, each a PNG at the offset its entry names.
        Assert.Equal([0, 0, 1, 0], bytes[..4]);
        var count = BitConverter.ToUInt16(bytes, 4);
        Assert.True(count >= 2, $"{count} images");
        var sizes = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var entry = 6 + 16 * i;
            sizes.Add(bytes[entry] == 0 ? 256 : bytes[entry]);
            var offset = BitConverter.ToInt32(bytes, entry + 12);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[offset..(offset + 4)]);
        }
        Assert.Contains(16, sizes);
        Assert.Contains(32, sizes);
        AssertCachedLong(response);
    }

    [Fact]
    public async Task Favicon_svg_is_an_svg_drawing()
    {
        using var response = await Site.Client.GetAsync("/favicon.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(XName.Get("svg", "http://www.w3.org/2000/svg"), svg.Name);
        Assert.NotEmpty(svg.Descendants(XName.Get("path", "http://www.w3.org/2000/svg")));
        AssertCachedLong(response);
    }

    [Fact]
    public async Task A_browser_holding_the_icon_gets_304()
    {
        using var first = await Site.Client.GetAsync("/favicon.ico");
        var request = new HttpRequestMessage(HttpMethod.Get, "/favicon.ico");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var again = await Site.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/ru/")]
    [InlineData("/kk/courses/grassroots/urban-activist")]
    [InlineData("/ru/account/sign-in")]
    public async Task Every_page_links_the_svg_icon_and_the_ico_fallback(string path)
    {
        var (_, page) = await Html.GetAsync(Site.Client, path);

        var icons = page.QuerySelectorAll("head link[rel=icon]").ToList();
        Assert.Contains(icons, i => i.GetAttribute("type") == "image/svg+xml" && i.GetAttribute("href")!.StartsWith("/assets/favicon.svg?v=", StringComparison.Ordinal));
        Assert.Contains(icons, i => i.GetAttribute("href")!.StartsWith("/assets/favicon.ico?v=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_icon_is_the_themes_file()
    {
        // themes/Default/make-favicon.py draws favicon.ico from favicon.svg; both are committed together.
        var assets = Path.Combine(RepoPaths.Themes, "Default", "assets");

        Assert.Equal(File.ReadAllBytes(Path.Combine(assets, "favicon.ico")), await Site.Client.GetByteArrayAsync("/favicon.ico"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(assets, "favicon.svg")), await Site.Client.GetByteArrayAsync("/favicon.svg"));
    }

    private static void AssertCachedLong(HttpResponseMessage response)
    {
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.True(response.Headers.CacheControl.MaxAge >= TimeSpan.FromDays(30), $"max-age {response.Headers.CacheControl.MaxAge}");
        Assert.NotNull(response.Headers.ETag);
    }
}
