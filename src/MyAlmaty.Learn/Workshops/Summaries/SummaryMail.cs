using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Scheduling;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Workshops.Summaries;

/// <summary>
/// The first publication of a summary that closes a workshop, in either language, schedules one job for that
/// workshop, due at once. The job's row is the mark that the workshop's attendees were (or are being) told:
/// a later publication — a correction, the second language, a republication — finds it and adds nothing,
/// and the runner's claim keeps two nodes from running it twice.
/// </summary>
public sealed class SummaryMailTrigger(ScheduledWork work, TimeProvider clock) : IContentPublicationHandler
{
    public const string Kind = "summary-mail";

    public async Task OnPublishingAsync(LearnDbContext db, ContentPublication publication, CancellationToken cancellationToken)
    {
        if (publication.Key.ContentType != ContentTypeNames.SessionSummary) return;
        if (publication.Now is not null)
        {
            if (WorkshopSummaries.WorkshopOf(publication.Now) is not { } workshop || await FindAsync(db, workshop, cancellationToken) is not null) return;
            db.Add(new ScheduledJob { Kind = Kind, Key = workshop, DueUtc = clock.GetUtcNow().UtcDateTime, CreatedUtc = clock.GetUtcNow().UtcDateTime });
            return;
        }
        // Taken off the site before the mail went: the mail waits for the next publication rather than going out empty.
        if (WorkshopSummaries.WorkshopOf(publication.Before) is not { } closed) return;
        var others = (await WorkshopSummaries.PublishedForAsync(db, closed, cancellationToken))
            .Any(s => !(s.Culture == publication.Key.Culture && s.TranslationKey == publication.Key.TranslationKey));
        if (!others) await work.CancelAsync(db, Kind, closed, cancellationToken);
    }

    private static async Task<ScheduledJob?> FindAsync(LearnDbContext db, string workshop, CancellationToken cancellationToken) =>
        db.Set<ScheduledJob>().Local.FirstOrDefault(j => j.Kind == Kind && j.Key == workshop)
        ?? await db.Set<ScheduledJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Kind == Kind && j.Key == workshop, cancellationToken);
}

/// <summary>
/// Tells everyone who came to a workshop (checked in) that its summary is published: in their language and
/// alphabet, with the summary in their language when it exists and otherwise in the other one.
/// </summary>
public sealed class SummaryMailJob(IThemedMail mail, ISiteLinks links, ContentUrls urls, MailSuppressions suppressions) : IScheduledJobHandler
{
    public const string Template = "summary-published";

    public string Kind => SummaryMailTrigger.Kind;

    public async Task RunAsync(ScheduledJob job, LearnDbContext db, CancellationToken cancellationToken)
    {
        var summaries = await WorkshopSummaries.PublishedForAsync(db, job.Key, cancellationToken);
        if (summaries.Count == 0) return;
        var workshops = await WorkshopSummaries.PublishedWorkshopAsync(db, job.Key, cancellationToken);
        var attendees = await db.Set<WorkshopRegistration>().AsNoTracking()
            .Where(r => r.WorkshopKey == job.Key && r.CheckedInUtc != null).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var suppressed = await suppressions.SuppressedAmongAsync(attendees.Select(a => a.Email), cancellationToken);
        foreach (var attendee in attendees.Where(a => !suppressed.Contains(a.Email)))
        {
            var culture = Cultures.IsSupported(attendee.Culture) ? attendee.Culture : Cultures.Default;
            var summary = WorkshopSummaries.Prefer(summaries, culture)!;
            var latin = attendee.Latin && culture == Cultures.Kazakh;
            var path = $"{urls.SectionUrl(ContentTypeNames.SessionSummary, summary.Culture)}/{summary.Slug}";
            var model = new
            {
                attendee.Name,
                attendee.Email,
                Workshop = WorkshopSummaries.Prefer(workshops, culture)?.Title ?? summary.Title,
                summary.Title,
                Lead = summary.Metadata.Summary,
                // A Latin link only for a page in Kazakh: a Russian page has no other alphabet.
                Link = links.Page(path, latin && summary.Culture == Cultures.Kazakh),
                SummaryCulture = summary.Culture,
                OtherLanguage = summary.Culture != culture,
            };
            await mail.QueueAsync(db, new ThemedMessage(Template, attendee.Email, attendee.Name, culture, model) { Latin = latin }, cancellationToken);
        }
    }
}
