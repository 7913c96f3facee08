using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;

namespace MyAlmaty.Learn.Workshops;

public static class WorkshopsFeature
{
    public static IServiceCollection AddWorkshopsFeature(this IServiceCollection services)
    {
        services.AddContentType<WorkshopType>();
        services.AddSingleton<MyAlmaty.Learn.Content.Published.IContentRouteProvider, WorkshopRoutes>();
        services.AddSingleton<WorkshopCalendar>();
        return services;
    }
}
