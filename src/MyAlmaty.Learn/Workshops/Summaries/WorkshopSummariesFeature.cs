using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Scheduling;

namespace MyAlmaty.Learn.Workshops.Summaries;

public static class WorkshopSummariesFeature
{
    /// <summary>
    /// Summaries that close workshops: their attendees are mailed once it is published, and facilitators are
    /// reminded to write it. Needs the host's <see cref="IThemedMail"/> and <see cref="ISiteLinks"/>.
    /// </summary>
    public static IServiceCollection AddWorkshopSummaries(this IServiceCollection services)
    {
        services.AddSingleton<IContentPublicationHandler, SummaryMailTrigger>();
        services.AddSingleton<IContentPublicationHandler, SummaryReminderSchedule>();
        services.AddScoped<IScheduledJobHandler, SummaryMailJob>();
        foreach (var (kind, days) in SummaryReminder.All)
        {
            services.AddScoped<IScheduledJobHandler>(sp => new SummaryReminderJob(kind, days, sp.GetRequiredService<IThemedMail>(), sp.GetRequiredService<ISiteLinks>()));
        }
        return services;
    }
}
