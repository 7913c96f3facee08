using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
                    connectionString = $"Data Source={file};Cache=Shared;Pooling=True";
                }
                services.AddDbContext<LearnDbContext>(o => o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(LearnDbContext).Assembly.FullName)));
                break;
            default:
                throw new InvalidOperationException($"Storage provider '{storage.Provider}' is not supported. Use 'Sqlite'.");
        }
        return services;
    }
}
