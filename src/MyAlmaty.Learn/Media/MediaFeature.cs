using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Media;

public static class MediaFeature
{
    /// <summary>The media library: its files under <paramref name="dataDirectory"/>/media, its pictures in Markdown, the check of the texts that show them.</summary>
    public static IServiceCollection AddMediaFeature(this IServiceCollection services, string dataDirectory)
    {
        services.AddSingleton(new MediaStorage(Path.Combine(dataDirectory, "media")));
        services.AddSingleton<MediaImages>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<MediaUsage>();
        services.AddScoped<IContentFileCheck, MediaContentCheck>();
        services.AddMarkdownExtension<MediaMarkdownExtension>();
        services.AddPersonalData<MediaPersonalData>();
        return services;
    }
}
