using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>What a calendar message asks of the attendee's calendar (iTIP, RFC 5546).</summary>
public enum CalendarMethod
{
    /// <summary>Add or update the event and answer it: an invitation or its new revision.</summary>
    Request,

    /// <summary>Take the event out of the calendar: the workshop is cancelled.</summary>
    Cancel,
}

/// <summary>One person's copy of a workshop's calendar event.</summary>
/// <param name="Sequence">The revision (SEQUENCE): a calendar replaces its copy only with a higher one.</param>
/// <param name="Location">The place as the person reads it (the venue, or «online» in their language).</param>
/// <param name="Description">The summary and the workshop's page, so the event leads back to it.</param>
public sealed record CalendarInvite(
    MailedWorkshop Workshop, CalendarMethod Method, int Sequence, string Location, string Description,
    string OrganizerEmail, string OrganizerName, string AttendeeEmail, string? AttendeeName, DateTime StampUtc);

/// <summary>
/// The iMIP body (RFC 6047) of a workshop invitation, update or cancellation: Gmail, Outlook and Apple Mail show
/// such a message as an invitation with answer buttons. Times are in UTC (Almaty is UTC+5 all year), so no
/// VTIMEZONE is needed — Ical.Net's own for Asia/Almaty carries a spurious yearly rule. The UID is the one of
/// the public .ics, so a person who added the workshop from the site keeps one event.
/// </summary>
public static class InvitationCalendar
{
    public static string Write(CalendarInvite invite)
    {
        var workshop = invite.Workshop;
        var calendar = new Calendar
        {
            ProductId = "-//МыАлматы.Learn//Workshops//RU",
            Method = invite.Method == CalendarMethod.Request ? "REQUEST" : "CANCEL",
        };
        var calendarEvent = new CalendarEvent
        {
            Uid = workshop.Uid,
            Sequence = invite.Sequence,
            Summary = workshop.Title,
            Description = invite.Description,
            Location = invite.Location,
            DtStart = new CalDateTime(workshop.StartsUtc, "UTC"),
            DtEnd = new CalDateTime(workshop.EndsUtc, "UTC"),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(invite.StampUtc, DateTimeKind.Utc), "UTC"),
            Status = invite.Method == CalendarMethod.Cancel ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{invite.OrganizerEmail}") { CommonName = ParameterText(invite.OrganizerName) },
        };
        var attendee = new Attendee($"mailto:{invite.AttendeeEmail}")
        {
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = "NEEDS-ACTION",
            // A cancellation asks for no answer.
            Rsvp = invite.Method == CalendarMethod.Request,
        };
        if (ParameterText(invite.AttendeeName) is { Length: > 0 } name) attendee.CommonName = name;
        calendarEvent.Attendees.Add(attendee);
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>
    /// A name as a parameter value (CN): one line, no double quotes, which a parameter value cannot carry
    /// (RFC 5545 3.1): a name typed with a line break or a quote must not end the parameter or the line.
    /// </summary>
    private static string? ParameterText(string? name) =>
        name is null ? null : string.Join(' ', name.Replace('"', '\'').Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
