using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;

namespace MyAlmaty.Learn.Workshops;

public static class WorkshopsFeature
{
    public static IServiceCollection AddWorkshopsFeature(this IServiceCollection services)
    {
        services.AddContentType<WorkshopType>();
        return services;
    }
}
