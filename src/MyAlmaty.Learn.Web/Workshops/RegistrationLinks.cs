using System.Globalization;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Web.Workshops;

/// <summary>
/// The signed links of a registration: its ticket (also the check-in address its QR code holds) and giving the place
/// up. They name the registration, never the address, and lapse: the cancel link at the start, the ticket a month after the end.
/// </summary>
public sealed class RegistrationLinks(WorkshopTokens tokens, AlmatyClock clock)
{
    /// <summary>How long after the workshop a ticket still opens: it is the person's record of having been there.</summary>
    public static readonly TimeSpan TicketKeptAfterEnd = TimeSpan.FromDays(30);

    public string TicketToken(WorkshopRegistration registration, PublishedItem workshop) =>
        tokens.Create(WorkshopLink.Ticket, registration.Id, WorkshopCalendar.UtcOf(workshop.MetadataAs<WorkshopMetadata>().EndsAt) + TicketKeptAfterEnd);

    public string CancelToken(WorkshopRegistration registration, PublishedItem workshop) =>
        tokens.Create(WorkshopLink.Cancel, registration.Id, WorkshopCalendar.UtcOf(workshop.MetadataAs<WorkshopMetadata>().StartsAt));

    public static string TicketPath(string culture, string token) => $"/{culture}/workshops/ticket/{token}";
    public static string CheckInPath(string culture, string token) => $"/{culture}/workshops/check-in/{token}";
    public static string CancelPath(string culture, string token) => $"/{culture}/workshops/cancel/{token}";

    /// <summary>«14 марта 2027 г., 18:30–20:30» in Almaty time, the end's date too when it is another day.</summary>
    public string When(PublishedItem workshop, string culture)
    {
        var facts = workshop.MetadataAs<WorkshopMetadata>();
        return $"{clock.FormatDateTime(WorkshopCalendar.UtcOf(facts.StartsAt), culture)}–"
            + (facts.EndsAt.Date == facts.StartsAt.Date ? facts.EndsAt.ToString("HH:mm", CultureInfo.InvariantCulture) : clock.FormatDateTime(WorkshopCalendar.UtcOf(facts.EndsAt), culture));
    }

    /// <summary>A time of day in Almaty, «18:42».</summary>
    public string TimeOfDay(DateTime utc) => clock.ToAlmaty(utc).ToString("HH:mm", CultureInfo.InvariantCulture);
}
