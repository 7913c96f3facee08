using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Reading;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;

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
        services.AddSingleton<PublishedContent>();
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
