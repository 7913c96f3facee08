using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using MyAlmaty.Learn.Content.Published;

namespace MyAlmaty.Learn.Workshops;

/// <summary>
/// Published workshops as iCalendar (RFC 5545): one workshop to add to a calendar, or every upcoming one
/// as a feed calendar apps subscribe to. Times are written in UTC (Almaty is UTC+5 all year), so no
/// time-zone definition can be read wrong; the UID is the workshop's, the same in both languages.
/// </summary>
public sealed class WorkshopCalendar(PublishedContent published, ContentUrls urls)
{
    private static readonly TimeSpan Almaty = TimeSpan.FromHours(5);

    public const string Domain = "myalmaty.learn";

    public static string UidOf(PublishedItem workshop) => $"workshop-{workshop.TranslationKey}@{Domain}";

    public static DateTime UtcOf(DateTime almaty) => DateTime.SpecifyKind(almaty - Almaty, DateTimeKind.Utc);

    /// <summary>The published workshops of a culture, soonest first; upcoming ones end after <paramref name="nowUtc"/>.</summary>
    public IReadOnlyList<PublishedItem> Upcoming(string culture, DateTime nowUtc) =>
        published.Current.OfType(culture, WorkshopTypeNames.Workshop)
            .Where(w => UtcOf(w.MetadataAs<WorkshopMetadata>().EndsAt) > nowUtc)
            .OrderBy(w => w.MetadataAs<WorkshopMetadata>().StartsAt)
            .ToList();

    public IReadOnlyList<PublishedItem> Past(string culture, DateTime nowUtc) =>
        published.Current.OfType(culture, WorkshopTypeNames.Workshop)
            .Where(w => UtcOf(w.MetadataAs<WorkshopMetadata>().EndsAt) <= nowUtc)
            .OrderByDescending(w => w.MetadataAs<WorkshopMetadata>().StartsAt)
            .ToList();

    /// <summary>An .ics with the given workshops; <paramref name="absolute"/> makes a site path a full address.</summary>
    public string Write(IEnumerable<PublishedItem> workshops, string name, Func<string, string> absolute)
    {
        var calendar = new Calendar { ProductId = "-//МыАлматы.Learn//Workshops//RU", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var catalog = published.Current;
        foreach (var workshop in workshops)
        {
            var facts = workshop.MetadataAs<WorkshopMetadata>();
            var url = urls.UrlFor(workshop, catalog) is { } path ? absolute(path) : null;
            var calendarEvent = new CalendarEvent
            {
                Uid = UidOf(workshop),
                Summary = workshop.Title,
                Description = string.Join("\n\n", new[] { workshop.Metadata.Summary, url }.Where(t => !string.IsNullOrEmpty(t))),
                Location = facts.Venue ?? facts.OnlineUrl,
                DtStart = new CalDateTime(UtcOf(facts.StartsAt), "UTC"),
                DtEnd = new CalDateTime(UtcOf(facts.EndsAt), "UTC"),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(workshop.PublishedUtc, DateTimeKind.Utc), "UTC"),
                // Each publication of the workshop is a newer revision of it.
                Sequence = workshop.VersionNumber - 1,
                Status = facts.Status == WorkshopStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            if (url is not null) calendarEvent.Url = new Uri(url);
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
