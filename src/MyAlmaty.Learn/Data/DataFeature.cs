using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MyAlmaty.Learn.Data;

public static class DataFeature
{
    /// <summary>
    /// The database, chosen by <see cref="StorageOptions.Provider"/>. SQLite is embedded; a server
    /// provider is added here as one more case, switched on by configuration only.
    /// </summary>
    public static IServiceCollection AddLearnData(this IServiceCollection services, StorageOptions storage, string dataDirectory)
    {
        var connectionString = storage.ConnectionString;
        switch (storage.Provider.ToLowerInvariant())
        {
            case "sqlite":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var file = Path.GetFullPath(Path.Combine(dataDirectory, storage.SqlitePath));
                    Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                    // A private cache per connection: SQLite's shared cache locks whole tables and answers
                    // «database is locked» at once instead of waiting, which concurrent writers hit under load.
                    connectionString = $"Data Source={file};Pooling=True";
                }
                services.AddDbContext<LearnDbContext>(o => o
                    .UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(LearnDbContext).Assembly.FullName))
                    .AddInterceptors(BusyTimeout)
                    .ConfigureWarnings(Quiet));
                break;
            default:
                throw new InvalidOperationException($"Storage provider '{storage.Provider}' is not supported. Use 'Sqlite'.");
        }
        return services;
    }

    private static readonly SqliteBusyTimeout BusyTimeout = new();

    /// <summary>
    /// A failed command is the caller's to judge: one it expects (a unique key that another request
    /// claimed first) is handled, and one it does not reaches the error handler, which logs it. EF's
    /// own error lines would only add a second, misleading «fail:» for the first kind.
    /// </summary>
    private static void Quiet(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.CommandError, LogLevel.Information),
        (CoreEventId.SaveChangesFailed, LogLevel.Information));

    /// <summary>
    /// SQLite in write-ahead-log mode: readers never wait for the writer nor the writer for them. The
    /// mode is kept in the file, so setting it once at start is enough.
    /// </summary>
    public static async Task PrepareAsync(this DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        if (database.IsSqlite()) await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
