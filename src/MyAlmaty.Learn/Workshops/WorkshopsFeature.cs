using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Workshops;

public static class WorkshopsFeature
{
    /// <summary>The workshop feature; the host provides <see cref="IWorkshopSiteAddress"/> for the links of its emails.</summary>
    public static IServiceCollection AddWorkshopsFeature(this IServiceCollection services)
    {
        services.AddContentType<WorkshopType>();
        services.AddSingleton<MyAlmaty.Learn.Content.Published.IContentRouteProvider, WorkshopRoutes>();
        services.AddSingleton<WorkshopCalendar>();
        services.AddSingleton<WorkshopTokens>();
        services.AddSingleton<WorkshopLetters>();
        services.AddSingleton<InvitationMail>();
        services.AddScoped<InvitationAnswers>();
        // Registrations, where the site has them, take a place for a «yes»; otherwise the answer is recorded alone.
        services.TryAddScoped<IRsvpRegistration, AnswerOnly>();
        services.AddSingleton<MyAlmaty.Learn.Content.Journal.IContentPublicationHandler, WorkshopChangeAnnouncer>();
        services.AddPermissions<WorkshopPermissions>();
        return services;
    }
}
