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
        root.Subcommands.Add(ExportCommand());
        root.Subcommands.Add(UsersCommand());
        root.Subcommands.Add(IndexCommand.Create());
        return root;
    }

    /// <summary>`export [--to dir]`: the database's content written back as files, by default into content/ itself.</summary>
    private static Command ExportCommand()
    {
        var to = new Option<string?>("--to") { Description = "The folder to write into; content/ (Site:ContentPath) when not given." };
        var export = new Command("export", "Writes the content of the database as files of content/ (one per item and language), so that edits made in the browser can be kept in git.")
        {
            to,
        };
        export.TreatUnmatchedTokensAsErrors = false;
        export.SetAction(async (result, cancel) =>
        {
            var builder = SiteHost.CreateBuilder([.. result.UnmatchedTokens]);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            await using var app = builder.Build();
            await app.Services.GetRequiredService<SiteInitializer>().MigrateAsync(cancel);
            var root = Path.GetFullPath(result.GetValue(to) ?? app.Services.GetRequiredService<SitePaths>().Content);
            await using var scope = app.Services.CreateAsyncScope();
            var report = await scope.ServiceProvider.GetRequiredService<Learn.Content.Export.ContentExporter>().ExportAsync(root, cancel);
            Console.WriteLine($"{root}: {report.Written} written, {report.Unchanged} unchanged.");
            return 0;
        });
        return export;
    }

    private static Command UsersCommand()
    {
        var email = new Option<string>("--email") { Description = "The person's email address.", Required = true };
        var role = new Option<string>("--role") { Description = "Administrator, Editor, Facilitator or Learner.", DefaultValueFactory = _ => Users.RoleNames.Learner };
        role.AcceptOnlyFromAmong([.. Users.RoleNames.All]);
        var name = new Option<string?>("--name") { Description = "How the site addresses the person." };
        var language = new Option<string>("--lang") { Description = "ru or kk.", DefaultValueFactory = _ => Cultures.Default };
        language.AcceptOnlyFromAmong([.. Cultures.All]);
        var create = new Command("create", "Creates an account with a role and prints a one-time sign-in link, valid for 24 hours. No password is set.")
        {
            email, role, name, language,
        };
        create.TreatUnmatchedTokensAsErrors = false;
        create.SetAction(async (result, cancel) =>
        {
            var builder = SiteHost.CreateBuilder([.. result.UnmatchedTokens]);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            await using var app = builder.Build();
            await app.Services.GetRequiredService<SiteInitializer>().MigrateAsync(cancel);
            await using var scope = app.Services.CreateAsyncScope();
            var culture = result.GetValue(language)!;
            var token = await scope.ServiceProvider.GetRequiredService<Users.Accounts>()
                .CreateWithRoleAsync(result.GetValue(email)!, result.GetValue(role)!, result.GetValue(name), culture, cancel);
            // The site is not running here: the public address, or else the address it will listen on.
            var site = PublicAddress.Parse(app.Services.GetRequiredService<SiteOptions>().PublicUrl)?.GetLeftPart(UriPartial.Authority)
                ?? (app.Configuration["urls"] ?? "http://127.0.0.1:5080").Split(';')[0].TrimEnd('/');
            Console.WriteLine($"{site}/{culture}/account/link/{token}?purpose=setup");
            return 0;
        });
        return new Command("users", "Manages accounts.") { create };
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
