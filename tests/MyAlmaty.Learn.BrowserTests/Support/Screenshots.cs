namespace MyAlmaty.Learn.BrowserTests.Support;

/// <summary>Full-page screenshots kept beside the test binaries (screenshots/) for people to look at; never asserted.</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}
