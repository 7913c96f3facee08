using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Published;

namespace MyAlmaty.Learn.Courses;

public static class CoursesFeature
{
    public static IServiceCollection AddCoursesFeature(this IServiceCollection services)
    {
        services.AddContentType<CourseType>();
        services.AddContentType<CourseModuleType>();
        services.AddContentType<LessonType>();
        services.AddSingleton<CourseCatalog>();
        // Lazy: the course routes need the catalog, which needs the renderer, which needs the routes.
        services.AddSingleton(sp => new Lazy<CourseCatalog>(sp.GetRequiredService<CourseCatalog>));
        services.AddSingleton<IContentRouteProvider, CourseRoutes>();
        services.AddScoped<Progress.LearnerProgress>();
        services.AddScoped<Certificates.Certificates>();
        return services;
    }
}
