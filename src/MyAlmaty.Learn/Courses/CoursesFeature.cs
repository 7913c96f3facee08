using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Courses;

public static class CoursesFeature
{
    public static IServiceCollection AddCoursesFeature(this IServiceCollection services)
    {
        services.AddContentType<CourseType>();
        services.AddContentType<CourseModuleType>();
        services.AddContentType<LessonType>();
        services.AddSingleton<CourseCatalog>();
        services.AddSingleton<IContentRouteProvider, CourseRoutes>();
        services.AddScoped<Progress.LearnerProgress>();
        services.AddScoped<Certificates.Certificates>();
        services.AddPersonalData<CoursePersonalData>();
        return services;
    }
}
