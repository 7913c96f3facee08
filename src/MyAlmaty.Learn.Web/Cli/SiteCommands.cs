using System.CommandLine;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Web;

/// <summary>
/// The command line: no subcommand runs the site; `import` loads content/ and exits.
/// Anything not ours (e.g. --urls) is passed on to the host's configuration.
/// </summary>
public static class SiteCommands
{
    public static RootCommand Create()
    {
        var root = new RootCommand("MyAlmaty.Learn: the «МыАлматы» learning site. Without a command, runs the site.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((result, cancel) => RunSiteAsync([.. result.UnmatchedTokens], cancel));

        var language = new Option<string>("--lang") { Description = "Language of the report: ru or kk.", DefaultValueFactory = _ => Cultures.Default };
        language.AcceptOnlyFromAmong([.. Cultures.All]);
        var import = new Command("import", "Imports content/ into the database, prints the report, and exits with 1 if any file has errors.")
        {
            language,
        };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, cancel) => ImportAsync([.. result.UnmatchedTokens], result.GetValue(language)!, cancel));
        root.Subcommands.Add(import);
        return root;
    }

    private static async Task<int> RunSiteAsync(string[] args, CancellationToken cancellationToken)
    {
        var app = SiteHost.Build(SiteHost.CreateBuilder(args));
        var site = app.Services.GetRequiredService<SiteOptions>();
        await app.Services.GetRequiredService<SiteInitializer>().StartAsync(site.ImportOnStart, cancellationToken);
        await app.StartAsync(cancellationToken);
        foreach (var address in app.Urls)
        {
            Console.WriteLine($"MyAlmaty.Learn: {address}/");
        }
        Console.WriteLine($"Mail: {app.Services.GetRequiredService<Learn.Mail.MailTransportFactory>().Destination}");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static async Task<int> ImportAsync(string[] args, string culture, CancellationToken cancellationToken)
    {
        var builder = SiteHost.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        var initializer = app.Services.GetRequiredService<SiteInitializer>();
        await initializer.MigrateAsync(cancellationToken);
        var report = await initializer.ImportAsync(cancellationToken);
        foreach (var line in app.Services.GetRequiredService<ImportReportWriter>().Lines(report, culture))
        {
            Console.WriteLine(line);
        }
        return report.HasErrors ? 1 : 0;
    }
}
