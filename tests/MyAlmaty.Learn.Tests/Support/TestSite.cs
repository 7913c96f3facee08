using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>
/// The real site on Kestrel at 127.0.0.1 on a free port, with its own temporary SQLite file and
/// data folder, importing the repository's content/ (or another folder) at start.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempFolder _data;
    private readonly bool _ownsData;

    private TestSite(WebApplication app, TempFolder data, Uri address, bool ownsData = true)
    {
        _app = app;
        _data = data;
        _ownsData = ownsData;
        Address = address;
        Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Where the site writes its emails (the embedded pickup delivery).</summary>
    public string MailFolder => Path.Combine(_data.Path, "mail-pickup");

    /// <summary>A separate visitor: its own cookies, no redirects followed.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = Address };

    public static Task<TestSite> StartAsync(string? contentPath = null, string? themesPath = null, string environment = "Production", params string[] extraArgs) =>
        StartAsync(new TempFolder(), ownsData: true, contentPath, themesPath, environment, extraArgs);

    /// <summary>A site on a data folder the caller keeps: to stop and start it again, or to run a second node beside it.</summary>
    public static Task<TestSite> StartOnAsync(TempFolder data, params string[] extraArgs) =>
        StartAsync(data, ownsData: false, null, null, "Production", extraArgs);

    /// <summary>The data folder: the database file, the search indexes, the mail pickup folder.</summary>
    public string DataPath => _data.Path;

    private static async Task<TestSite> StartAsync(TempFolder data, bool ownsData, string? contentPath, string? themesPath, string environment, string[] extraArgs)
    {
        string[] args =
        [
            $"--environment={environment}",
            "--urls=http://127.0.0.1:0",
            $"--Site:RootPath={RepoPaths.Root}",
            $"--Site:ContentPath={contentPath ?? RepoPaths.Content}",
            $"--Site:ThemesPath={themesPath ?? RepoPaths.Themes}",
            $"--Site:DataPath={data.Path}",
            "--Logging:LogLevel:Default=Warning",
            .. extraArgs,
        ];
        var app = SiteHost.Build(SiteHost.CreateBuilder(args));
        await app.Services.GetRequiredService<SiteInitializer>().StartAsync(app.Services.GetRequiredService<SiteOptions>().ImportOnStart);
        await app.StartAsync();
        return new TestSite(app, data, new Uri(app.Urls.First()), ownsData);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsData) _data.Dispose();
    }
}
