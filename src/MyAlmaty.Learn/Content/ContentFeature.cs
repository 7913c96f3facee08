using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Reading;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content;

public static class ContentFeature
{
    public static IServiceCollection AddContentFeature(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddContentType<GlossaryTermType>();
        services.AddContentType<SessionSummaryType>();
        services.AddContentType<PageType>();
        services.AddSingleton<ContentTypeRegistry>();
        services.AddSingleton<ContentFileParser>();
        services.AddSingleton<ContentReferenceChecker>();
        services.AddScoped<ContentVersionWriter>();
        services.AddScoped<ContentImporter>();
        services.AddScoped<ContentPublishing>();
        services.AddScoped<Editing.ContentEditing>();
        services.AddScoped<Editing.ContentList>();
        services.AddScoped<Editing.ContentReferences>();
        services.AddScoped<Export.ContentExporter>();
        services.AddScoped<Versions.ContentVersions>();
        services.AddScoped<Translations.ContentTranslations>();
        services.AddSingleton<PublishedContent>();
        services.TryAddSingleton(new ContentOptions());
        services.AddSingleton<ContentChangeSignal>();
        services.AddSingleton<ContentJournalGuard>();
        services.AddSingleton(sp => new NewRowsInterceptor<ContentChange>(sp.GetRequiredService<ContentChangeSignal>()));
        services.AddSingleton<ContentPublicationDispatcher>();
        services.ConfigureDbContext<LearnDbContext>((sp, db) => db.AddInterceptors(
            sp.GetRequiredService<ContentJournalGuard>(), sp.GetRequiredService<NewRowsInterceptor<ContentChange>>(), sp.GetRequiredService<ContentPublicationDispatcher>()));
        services.AddSingleton<ContentChangeFollower>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentChangeFollower>());
        services.AddSingleton<ScheduledPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        services.AddSingleton<IContentRouteProvider, CoreContentRoutes>();
        services.AddSingleton<ContentUrls>();
        services.AddMarkdownRendering();
        services.AddSingleton<ContentRenderer>();
        services.AddSingleton<ContentTexts>();
        return services;
    }

    public static IServiceCollection AddContentType<T>(this IServiceCollection services) where T : class, IContentTypeDefinition =>
        services.AddSingleton<IContentTypeDefinition, T>();
}
