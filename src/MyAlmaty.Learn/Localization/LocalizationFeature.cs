using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MyAlmaty.Learn.Localization;

public static class LocalizationFeature
{
    public static IServiceCollection AddLocalizationFeature(this IServiceCollection services, string poDirectory, params string[] morePoDirectories)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new UiStrings(poDirectory, morePoDirectories));
        services.AddSingleton<AlmatyClock>();
        return services;
    }
}
