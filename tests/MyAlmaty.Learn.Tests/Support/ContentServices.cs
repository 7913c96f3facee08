using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>The content features over a fresh SQLite file, without the web host.</summary>
public sealed class ContentServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ContentServices(ServiceProvider provider, TempFolder folder)
    {
        _provider = provider;
        Folder = folder;
    }

    /// <summary>The test's folder: content goes under Content, the database beside it.</summary>
    public TempFolder Folder { get; }
    public string ContentRoot => Path.Combine(Folder.Path, "content");
    public IServiceProvider Services => _provider;

    /// <param name="configure">Changes to the services, e.g. an interceptor that counts queries.</param>
    public static async Task<ContentServices> CreateAsync(TimeProvider? clock = null, Action<IServiceCollection>? configure = null)
    {
        var folder = new TempFolder();
        Directory.CreateDirectory(Path.Combine(folder.Path, "content"));
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null) services.AddSingleton(clock);
        services.AddLearnData(new StorageOptions(), folder.Path);
        services.AddLocalizationFeature(Path.Combine(AppContext.BaseDirectory, "Localization"));
        services.AddContentFeature();
        services.AddCoursesFeature();
        services.AddQuizzesFeature();
        services.AddWorkshopContent();
        services.AddUsersFeature();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Database.MigrateAsync();
        }
        return new ContentServices(provider, folder);
    }

    public string WriteContent(string relative, string text) => Folder.Write(Path.Combine("content", relative), text);

    public async Task<ImportReport> ImportAsync(string? root = null)
    {
        await using var scope = _provider.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContentImporter>().ImportAsync(root ?? ContentRoot);
        await _provider.GetRequiredService<PublishedContent>().ReloadAsync();
        return report;
    }

    public ContentCatalog Catalog => _provider.GetRequiredService<PublishedContent>().Current;

    /// <summary>Runs <paramref name="use"/> with a service of a new scope, as one request would.</summary>
    public async Task<TResult> UseAsync<TService, TResult>(Func<TService, Task<TResult>> use) where TService : notnull
    {
        await using var scope = _provider.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<T> QueryAsync<T>(Func<LearnDbContext, Task<T>> query)
    {
        await using var scope = _provider.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LearnDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Folder.Dispose();
    }
}
