using System.Text;
using MyAlmaty.Learn.BrowserTests.Support;
using Xunit.Abstractions;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>The lesson page on a phone and on a slow connection.</summary>
public sealed class LessonPageTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private const int WeightBudgetBytes = 100 * 1024;

    [Theory]
    [InlineData("/ru/courses/smart-city/smart-city-concept")]
    [InlineData("/kk/courses/smart-city/smart-city-concept")]
    public async Task On_a_phone_a_lesson_fits_the_screen_width_with_readable_text(string path)
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 3,
            IsMobile = true,
            HasTouch = true,
        });
        await using var _ = context;
        var page = await context.NewPageAsync();
        await BrowserSite.OpenAsync(page, path);
        await Screenshots.TakeAsync(page, "phone" + path.Replace('/', '-'));

        var layout = await page.EvaluateAsync<PhoneLayout>(
            """
            () => {
              const root = document.scrollingElement;
              const width = root.clientWidth;
              const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.classList.length ? '.' + [...el.classList].join('.') : '');
              const wide = [...document.body.querySelectorAll('*')]
                .filter(el => el.getBoundingClientRect().right > width + 0.5)
                .slice(0, 8)
                .map(el => describe(el) + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)');
              return { scrollWidth: root.scrollWidth, clientWidth: width, bodyFontSize: parseFloat(getComputedStyle(document.body).fontSize), overflowing: wide };
            }
            """);

        Assert.True(layout.ClientWidth > 0 && layout.ClientWidth <= 390, $"{path} is laid out {layout.ClientWidth}px wide instead of at the phone's 390px (viewport meta missing?)");
        Assert.True(layout.ScrollWidth <= layout.ClientWidth,
            $"{path} scrolls sideways on a 390px phone: {layout.ScrollWidth}px of content in {layout.ClientWidth}px. Wider than the screen: {string.Join(", ", layout.Overflowing)}");
        Assert.True(layout.BodyFontSize >= 16, $"The body text of {path} is {layout.BodyFontSize}px on a phone; it should be at least 16px");
    }

    [Theory]
    [InlineData("/ru/courses/smart-city/smart-city-concept")]
    [InlineData("/kk/courses/smart-city/smart-city-concept")]
    public async Task A_lesson_with_everything_it_loads_weighs_well_under_100_KB(string path)
    {
        var context = await site.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, response) => { lock (responses) responses.Add(response); };

        var document = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(200, document?.Status);

        List<IResponse> loaded;
        lock (responses) loaded = [.. responses];
        var report = new StringBuilder();
        long total = 0;
        foreach (var response in loaded)
        {
            var sizes = await response.Request.SizesAsync();
            // Encoded (as sent) body size; should the browser not report it, the decoded body stands in.
            var body = sizes.ResponseBodySize > 0 || response.Status is 204 or 304 ? sizes.ResponseBodySize : (await response.BodyAsync()).Length;
            var bytes = (long)Math.Max(sizes.ResponseHeadersSize, 0) + Math.Max(body, 0);
            total += bytes;
            report.Append($"\n  {bytes,8} B  {response.Status} {new Uri(response.Url).PathAndQuery}");
        }

        output.WriteLine($"{path}: {total} B in {loaded.Count} responses:{report}");
        Assert.Contains(loaded, r => new Uri(r.Url).AbsolutePath == path);
        Assert.True(loaded.Count >= 2, $"Only the document of {path} was loaded, no stylesheet:{report}");
        Assert.True(total < WeightBudgetBytes, $"{path} transfers {total} B with its subresources, over the {WeightBudgetBytes} B budget:{report}");
    }

    private sealed class PhoneLayout
    {
        public int ScrollWidth { get; set; }
        public int ClientWidth { get; set; }
        public double BodyFontSize { get; set; }
        public string[] Overflowing { get; set; } = [];
    }
}
