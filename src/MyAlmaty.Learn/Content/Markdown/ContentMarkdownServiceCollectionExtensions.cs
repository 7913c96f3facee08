using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MyAlmaty.Learn.Content.Markdown;

public static class ContentMarkdownServiceCollectionExtensions
{
    /// <summary>Registers <see cref="MarkdownRenderer"/> as a singleton: its pipeline and sanitizer are built once.</summary>
    public static IServiceCollection AddMarkdownRendering(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<MarkdownRenderer>();
        return services;
    }

    /// <summary>Adds a feature's Markdig extension to the site's one pipeline (a singleton, built with the renderer).</summary>
    public static IServiceCollection AddMarkdownExtension<T>(this IServiceCollection services) where T : class, Markdig.IMarkdownExtension
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<Markdig.IMarkdownExtension, T>();
        return services;
    }
}
