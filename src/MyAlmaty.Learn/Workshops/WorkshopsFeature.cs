using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Workshops;

public static class WorkshopsFeature
{
    public static IServiceCollection AddWorkshopsFeature(this IServiceCollection services)
    {
        services.AddContentType<WorkshopType>();
        services.AddSingleton<MyAlmaty.Learn.Content.Published.IContentRouteProvider, WorkshopRoutes>();
        services.AddSingleton<WorkshopCalendar>();
        services.AddSingleton<WorkshopTokens>();
        services.AddPermissions<WorkshopPermissions>();
        return services;
    }
}
