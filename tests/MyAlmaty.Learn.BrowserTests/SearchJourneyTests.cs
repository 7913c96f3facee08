using Deque.AxeCore.Playwright;
using MyAlmaty.Learn.BrowserTests.Support;
using static MyAlmaty.Learn.BrowserTests.Support.PageFacts;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>
/// A reader searches in a real browser: sees instant results while typing, opens the full results,
/// narrows them to glossary terms, opens one, and reads Kazakh in the Latin alphabet.
/// </summary>
public sealed class SearchJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    [Theory]
    [InlineData("ru", "инициатив", "Азаматтық белсенділік")]
    [InlineData("kk", "бастамалар", "Азаматтық белсенділік")]
    public async Task A_reader_searches_filters_opens_a_result_and_switches_kazakh_to_latin(string culture, string query, string kazakhTitle)
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions { Locale = culture == "kk" ? "kk-KZ" : "ru-RU" });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var shot = 0;
        async Task Screenshot(string name) => await Screenshots.TakeAsync(page, $"search-{culture}-{++shot:00}-{name}");

        // Typing in the header box shows instant results.
        await BrowserSite.OpenAsync(page, $"/{culture}/");
        var box = page.Locator("#header-q");
        await box.PressSequentiallyAsync(query, new LocatorPressSequentiallyOptions { Delay = 30 });
        var instant = page.Locator("#header-q-instant");
        await instant.Locator("a.instant-title").First.WaitForAsync();
        Assert.True(await instant.IsVisibleAsync(), "the instant results did not appear");
        Assert.True(await instant.Locator("a.instant-title mark").CountAsync() > 0, "the instant results mark no words");
        Assert.All(await instant.Locator("a.instant-title").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"),
            href => Assert.StartsWith($"/{culture}/", href));
        await Screenshot("instant");

        // Enter: the full results.
        await box.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains($"/{culture}/search?q=", StringComparison.Ordinal));
        var results = page.Locator("li.search-result");
        Assert.True(await results.CountAsync() > 1, "the results page shows too few results");
        await AssertAccessibleAsync(page, "the results page");
        await Screenshot("results");

        // Only glossary terms.
        await FollowAsync(page, page.Locator("nav.search-filters a[data-type=terms]"));
        Assert.Contains("type=terms", page.Url);
        var termCount = await results.CountAsync();
        Assert.True(termCount > 0, "no glossary terms were found");
        var shownCount = int.Parse(await page.Locator("nav.search-filters a[data-type=terms] .count").InnerTextAsync());
        Assert.Equal(shownCount, termCount);
        Assert.All(await page.Locator("li.search-result a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"),
            href => Assert.StartsWith($"/{culture}/glossary/", href));
        await Screenshot("terms");

        // Open the first one.
        var first = results.First.Locator(".result-title a");
        var title = Normalize(await first.InnerTextAsync());
        await FollowAsync(page, first);
        Assert.Equal(title, await H1Async(page));

        // To Kazakh, then to the Latin alphabet; the choice stays for the next pages.
        if (culture == "ru") await FollowAsync(page, page.Locator("header a.lang-switch").First);
        Assert.Equal("kk", await LangAsync(page));
        await page.Locator("a.script-switch[data-script=latn]").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("kk-Latn", await LangAsync(page));
        Assert.DoesNotMatch("[әғқңөұүһіа-яё]", (await H1Async(page)).ToLowerInvariant());
        await Screenshot("latin");
        await BrowserSite.OpenAsync(page, "/kk/glossary/civic-activism");
        Assert.Equal(Learn.Localization.KazakhLatin.ToLatin(kazakhTitle), await H1Async(page));

        // Searching in Latin letters finds the Cyrillic text, and shows it in Latin letters.
        await BrowserSite.OpenAsync(page, $"/kk/search?q={Uri.EscapeDataString("azamattyq belsendılık")}");
        Assert.True(await results.CountAsync() > 0, "a Latin-script query found nothing");
        Assert.Contains(Learn.Localization.KazakhLatin.ToLatin(kazakhTitle), Normalize(await page.Locator("main").InnerTextAsync()));
        await AssertAccessibleAsync(page, "the results page in Latin script");
        await Screenshot("latin-results");

        // And back to Cyrillic.
        await page.Locator("a.script-switch[data-script=cyrl]").ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal("kk", await LangAsync(page));
        Assert.Contains(kazakhTitle, Normalize(await page.Locator("main").InnerTextAsync()));
    }

    [Fact]
    public async Task The_results_page_works_without_scripts()
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var _ = context;
        var page = await context.NewPageAsync();

        await BrowserSite.OpenAsync(page, "/ru/");
        await page.Locator("#header-q").FillAsync("умный город");
        await page.Locator("form.header-search button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/ru/search?q=", StringComparison.Ordinal));

        Assert.True(await page.Locator("li.search-result").CountAsync() > 0);
        Assert.Equal(0, await page.Locator(".instant").CountAsync());
    }

    private async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe-core checked nothing on {what}");
        var blocking = result.Violations.Where(v => v.Impact is not null && Blocking.Contains(v.Impact)).Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})").ToList();
        Assert.True(blocking.Count == 0, $"axe-core on {what}: {string.Join("; ", blocking)}");
    }
}
