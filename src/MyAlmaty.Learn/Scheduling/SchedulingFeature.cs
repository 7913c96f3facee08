using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MyAlmaty.Learn.Scheduling;

public static class SchedulingFeature
{
    /// <summary>Durable jobs with a due time and the runner that fires each once. Features add <see cref="IScheduledJobHandler"/>s (scoped).</summary>
    public static IServiceCollection AddSchedulingFeature(this IServiceCollection services, SchedulingOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ScheduledWork>();
        services.AddSingleton<ScheduledJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledJobRunner>());
        return services;
    }
}
