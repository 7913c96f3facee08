using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>What happens before the first request: migrations, the content import, the first catalog.</summary>
public sealed class SiteInitializer(IServiceScopeFactory scopes, PublishedContent published, SitePaths paths, ImportReportWriter reports, ILogger<SiteInitializer> logger)
{
    /// <summary>The report of this node's last import of content/, for the admin's overview.</summary>
    public ImportReport? LastReport { get; private set; }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<LearnDbContext>().Database;
        await database.MigrateAsync(cancellationToken);
        await database.PrepareAsync(cancellationToken);
        await FillTitleKeysAsync(scope.ServiceProvider.GetRequiredService<LearnDbContext>(), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Users.RoleSeeder>().SeedAsync();
    }

    /// <summary>Versions saved before titles had sort keys get theirs (once, a thousand at a time).</summary>
    private static async Task FillTitleKeysAsync(LearnDbContext db, CancellationToken cancellationToken)
    {
        while (true)
        {
            var versions = await db.Set<Learn.Content.ContentItemVersion>().Where(v => v.TitleKey == null).OrderBy(v => v.Id).Take(1000).ToListAsync(cancellationToken);
            if (versions.Count == 0) return;
            foreach (var version in versions) version.TitleKey = Learn.Content.ContentVersioning.TitleKeyOf(version.Title);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    public async Task<ImportReport> ImportAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(paths.Content, cancellationToken);
        if (report.Changed) await published.ReloadAsync(cancellationToken);
        LastReport = report;
        return report;
    }

    public async Task StartAsync(bool import, CancellationToken cancellationToken = default)
    {
        await MigrateAsync(cancellationToken);
        if (import)
        {
            var report = await ImportAsync(cancellationToken);
            foreach (var line in reports.Lines(report, Localization.Cultures.Default))
            {
                if (report.HasErrors) logger.LogWarning("{Line}", line);
                else logger.LogInformation("{Line}", line);
            }
        }
        await published.ReloadAsync(cancellationToken);
    }
}
