using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.BrowserTests.Support;

/// <summary>
/// One running site with the shipped content and one headless Debian Chromium driven by Playwright,
/// shared by the tests of a class. Every test opens its own browser context.
/// </summary>
public class BrowserSite : IAsyncLifetime
{
    /// <summary>Debian's package, installed by the test script (apt-get install -y chromium); never Playwright's download.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    private readonly string[] _siteArgs;
    private TestSite? _site;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserSite() : this([])
    {
    }

    /// <summary>A site started with configuration of its own, as command-line arguments (e.g. <c>--Scheduling:PollInterval=00:00:01</c>).</summary>
    protected BrowserSite(string[] siteArgs) => _siteArgs = siteArgs;

    public TestSite Site => _site ?? throw new InvalidOperationException("The site has not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>The published content the site serves: the oracle for titles and definitions.</summary>
    public ContentCatalog Catalog => Site.Services.GetRequiredService<PublishedContent>().Current;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. The browser tests need Debian's package: run `apt-get install -y chromium`. " +
                "Playwright's own browser download is not used.");
        }

        var siteStart = TestSite.StartAsync(extraArgs: _siteArgs);
        try
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
                Timeout = 60_000,
            });
        }
        finally
        {
            _site = await siteStart;
        }
    }

    /// <summary>A fresh context (own cookies and cache) whose relative addresses resolve against the site.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = Site.Address.ToString();
        options.Locale ??= "ru-RU";
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(15_000);
        return context;
    }

    /// <summary>Opens <paramref name="path"/> and fails unless the site answers 200.</summary>
    public static async Task<IResponse> OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is not null, $"No response for {path}");
        Assert.True(response!.Status == 200, $"{path} answered {response.Status} {response.StatusText}");
        return response;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_site is not null) await _site.DisposeAsync();
    }
}
