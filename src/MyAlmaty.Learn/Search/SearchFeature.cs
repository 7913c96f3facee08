using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Search.Indexing;

namespace MyAlmaty.Learn.Search;

public static class SearchFeature
{
    /// <summary>The content types found by search, until a feature adds its own.</summary>
    public static readonly string[] DefaultTypes =
    [
        ContentTypeNames.Course, ContentTypeNames.Lesson, ContentTypeNames.GlossaryTerm, ContentTypeNames.SessionSummary, ContentTypeNames.Page,
    ];

    /// <summary>The indexes (under <paramref name="dataDirectory"/> unless the path is absolute), the queue and its indexer, and search itself.</summary>
    public static IServiceCollection AddSearchFeature(this IServiceCollection services, SearchOptions options, string dataDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(new SearchableTypes(DefaultTypes));
        services.AddSingleton(sp => new SearchIndexes(
            Path.GetFullPath(Path.Combine(dataDirectory, options.IndexPath)), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<SearchIndexes>>()));
        services.AddSingleton<ContentSearchDocuments>();
        services.AddSingleton<IndexingSignal>();
        // The indexer follows the content journal; a change journalled here wakes it at once.
        services.AddSingleton(sp => new NewRowsInterceptor<ContentChange>(sp.GetRequiredService<IndexingSignal>()));
        services.ConfigureDbContext<LearnDbContext>((sp, db) => db.AddInterceptors(sp.GetRequiredService<NewRowsInterceptor<ContentChange>>()));
        services.AddSingleton<SearchIndexer>();
        services.AddSingleton<Querying.SiteSearch>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        return services;
    }
}
