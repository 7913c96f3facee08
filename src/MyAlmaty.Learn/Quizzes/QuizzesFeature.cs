using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Quizzes;

public static class QuizzesFeature
{
    public static IServiceCollection AddQuizzesFeature(this IServiceCollection services)
    {
        services.AddContentType<QuizType>();
        services.AddSingleton<IContentRouteProvider, QuizRoutes>();
        services.AddScoped<QuizAttempts>();
        services.AddScoped<QuizProgress>();
        services.AddPersonalData<QuizPersonalData>();
        return services;
    }
}
