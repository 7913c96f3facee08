using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Scheduling;
using MyAlmaty.Learn.Workshops.Registrations;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Workshops;

public static class WorkshopsFeature
{
    /// <summary>The workshop feature; the host provides <see cref="IWorkshopSiteAddress"/> for the links of its emails.</summary>
    public static IServiceCollection AddWorkshopsFeature(this IServiceCollection services)
    {
        services.AddWorkshopContent();
        services.AddSingleton<WorkshopTokens>();
        services.AddSingleton<WorkshopLetters>();
        services.AddSingleton<InvitationMail>();
        // The facilitators' workspace: their workshops, campaigns of invitations, who answered and who came.
        services.AddScoped<Campaigns.WorkshopWorkspace>();
        services.AddScoped<Campaigns.WorkshopCampaigns>();
        services.AddScoped<Campaigns.CampaignSources>();
        services.AddScoped<Campaigns.WorkshopRoster>();
        services.AddScoped<InvitationAnswers>();
        // A «yes» takes a place (or a waiting position); a «no» after it gives the place back.
        services.TryAddScoped<IRsvpRegistration, RsvpRegistration>();
        services.AddSingleton<MyAlmaty.Learn.Content.Journal.IContentPublicationHandler, WorkshopChangeAnnouncer>();
        services.AddPermissions<WorkshopPermissions>();
        services.AddScoped<WorkshopRegistrations>();
        services.AddScoped<WorkshopAttendance>();
        services.AddSingleton<WorkshopReminders>();
        services.AddPersonalData<RegistrationPersonalData>();
        // The host provides IRegistrationEmails (the theme writes them); the jobs below are run by the scheduling feature.
        services.AddScoped<IScheduledJobHandler>(sp => Reminder(sp, WorkshopReminders.DayBefore, 24));
        services.AddScoped<IScheduledJobHandler>(sp => Reminder(sp, WorkshopReminders.HourBefore, 1));
        services.AddScoped<IScheduledJobHandler, WaitlistEndHandler>();
        return services;
    }

    /// <summary>Workshops as content alone (the type, its pages' addresses, its calendar): for tools that read and write content and send no mail.</summary>
    public static IServiceCollection AddWorkshopContent(this IServiceCollection services)
    {
        services.AddContentType<WorkshopType>();
        services.AddSingleton<IContentRouteProvider, WorkshopRoutes>();
        services.AddSingleton<WorkshopCalendar>();
        return services;
    }

    private static WorkshopReminderHandler Reminder(IServiceProvider sp, string kind, int hours) =>
        new(kind, hours, sp.GetRequiredService<PublishedContent>(), sp.GetRequiredService<IRegistrationEmails>(), sp.GetRequiredService<TimeProvider>());
}
