namespace MyAlmaty.Learn.BrowserTests.Support;

/// <summary>What a person sees on the current page, read through the browser.</summary>
public static class PageFacts
{
    public static string PathOf(IPage page) => new Uri(page.Url).AbsolutePath;

    /// <summary>The last segment of a site address: the slug of the item it shows.</summary>
    public static string SlugOf(string path) => path.TrimEnd('/').Split('/')[^1];

    public static async Task<string?> LangAsync(IPage page) =>
        await page.Locator("html").GetAttributeAsync("lang");

    /// <summary>The page's one h1, as displayed.</summary>
    public static async Task<string> H1Async(IPage page)
    {
        var headings = page.Locator("h1");
        Assert.True(await headings.CountAsync() == 1, $"{PathOf(page)} should have exactly one h1, has {await headings.CountAsync()}");
        Assert.True(await headings.IsVisibleAsync(), $"The h1 of {PathOf(page)} is not visible");
        return Normalize(await headings.InnerTextAsync());
    }

    /// <summary>Clicks a same-site link and waits until the browser shows its address.</summary>
    public static async Task FollowAsync(IPage page, ILocator link)
    {
        var href = await link.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), "The link has no href");
        var target = new Uri(new Uri(page.Url), href!);
        var arrival = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && new Uri(r.Url).AbsolutePath == target.AbsolutePath);
        await link.ClickAsync();
        var response = await arrival;
        await page.WaitForURLAsync(target.AbsoluteUri);
        Assert.True(response.Status == 200, $"{target.AbsolutePath} answered {response.Status}");
    }

    public static string Normalize(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();
}
