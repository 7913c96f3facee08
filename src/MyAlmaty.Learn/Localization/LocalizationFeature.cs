using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MyAlmaty.Learn.Localization;

// Placeholder until the localization feature lands.
public static class LocalizationFeature
{
    public static IServiceCollection AddLocalizationFeature(this IServiceCollection services, string poDirectory)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new UiStrings(poDirectory));
        services.AddSingleton<AlmatyClock>();
        return services;
    }
}
