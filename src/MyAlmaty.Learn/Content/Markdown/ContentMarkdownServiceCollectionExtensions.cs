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
}
