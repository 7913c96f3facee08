using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

    private TestSite(WebApplication app, TempFolder data, Uri address, CapturedLogs logs, bool ownsData = true)
    {
        _app = app;
        _data = data;
        _ownsData = ownsData;
        Address = address;
        Logs = logs;
        Client = new HttpClient(Handler(useCookies: false)) { BaseAddress = address };
    }

    /// <summary>Every line the site logged, as «level category: message».</summary>
    public CapturedLogs Logs { get; }

    public Uri Address { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _app.Services;

    /// <summary>Where the site writes its emails (the embedded pickup delivery).</summary>
    public string MailFolder => Path.Combine(_data.Path, "mail-pickup");

    /// <summary>A separate visitor: its own cookies, no redirects followed.</summary>
    public HttpClient NewClient() => new(Handler(useCookies: true)) { BaseAddress = Address };

    /// <summary>A separate visitor whose cookies the test can read and copy.</summary>
    public HttpClient NewClient(CookieContainer cookies)
    {
        var handler = Handler(useCookies: true);
        handler.CookieContainer = cookies;
        return new HttpClient(handler) { BaseAddress = Address };
    }

    /// <summary>A separate visitor connecting from another loopback address (e.g. 127.0.0.2), as a second computer would.</summary>
    public HttpClient NewClientFrom(IPAddress source)
    {
        var handler = Handler(useCookies: true);
        handler.ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
        return new HttpClient(handler) { BaseAddress = Address };
    }

    /// <summary>No redirects followed; a test certificate of an HTTPS site is trusted.</summary>
    private static SocketsHttpHandler Handler(bool useCookies) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = useCookies,
        CookieContainer = new CookieContainer(),
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    };

    public static Task<TestSite> StartAsync(string? contentPath = null, string? themesPath = null, string environment = "Production", params string[] extraArgs) =>
        StartAsync(new TempFolder(), ownsData: true, contentPath, themesPath, environment, extraArgs);

    /// <summary>A site with some of its services replaced, e.g. to count what they are asked to do.</summary>
    public static Task<TestSite> StartWithAsync(Action<IServiceCollection> services, params string[] extraArgs) =>
        StartAsync(new TempFolder(), ownsData: true, null, null, "Production", extraArgs, services);

    /// <summary>A site with endpoints of the test's own beside the site's, e.g. to check what a kind of endpoint the site has none of yet gets.</summary>
    public static Task<TestSite> StartWithEndpointsAsync(Action<IEndpointRouteBuilder> endpoints, params string[] extraArgs) =>
        StartAsync(new TempFolder(), ownsData: true, null, null, "Production", extraArgs, endpoints: endpoints);

    /// <summary>A site on a data folder the caller keeps: to stop and start it again, or to run a second node beside it.</summary>
    public static Task<TestSite> StartOnAsync(TempFolder data, params string[] extraArgs) =>
        StartAsync(data, ownsData: false, null, null, "Production", extraArgs);

    /// <summary>The same, with some services replaced: a node whose clock the test moves, started again after it was stopped.</summary>
    public static Task<TestSite> StartOnAsync(TempFolder data, Action<IServiceCollection> services, params string[] extraArgs) =>
        StartAsync(data, ownsData: false, null, null, "Production", extraArgs, services);
    /// <summary>A site on a data folder the caller keeps, with its own content and some services replaced (e.g. the clock): to stop it and start it again later.</summary>
    public static Task<TestSite> StartOnAsync(TempFolder data, string contentPath, Action<IServiceCollection> services, params string[] extraArgs) =>
        StartAsync(data, ownsData: false, contentPath, null, "Production", extraArgs, services);

    /// <summary>The data folder: the database file, the search indexes, the mail pickup folder.</summary>
    public string DataPath => _data.Path;

    private static async Task<TestSite> StartAsync(TempFolder data, bool ownsData, string? contentPath, string? themesPath, string environment, string[] extraArgs,
        Action<IServiceCollection>? services = null, Action<IEndpointRouteBuilder>? endpoints = null)
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
        var builder = SiteHost.CreateBuilder(args);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs);
        services?.Invoke(builder.Services);
        var app = SiteHost.Build(builder);
        endpoints?.Invoke(app);
        await app.Services.GetRequiredService<SiteInitializer>().StartAsync(app.Services.GetRequiredService<SiteOptions>().ImportOnStart);
        await app.StartAsync();
        return new TestSite(app, data, new Uri(app.Urls.First()), logs, ownsData);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsData) _data.Dispose();
    }
}
