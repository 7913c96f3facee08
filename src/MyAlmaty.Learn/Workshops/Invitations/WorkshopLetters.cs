using System.Globalization;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>Who a workshop email goes to, in which language and, for Kazakh, which alphabet.</summary>
public sealed record WorkshopRecipient(string Email, string? Name, string Culture, bool Latin);

public enum WorkshopLetterKind
{
    Invitation,
    Update,
    Cancelled,
}

/// <summary>A change of time or place, as the update email tells it: «time», «venue» or «online», and the two values.</summary>
public sealed record WorkshopChange(string What, string Before, string After);

/// <summary>One calendar email about a workshop to one person.</summary>
/// <param name="Sequence">The calendar event's SEQUENCE for this person.</param>
/// <param name="MessageId">The local part of the Message-ID, e.g. <c>invitation-42-r1</c>.</param>
public sealed record WorkshopLetter(WorkshopLetterKind Kind, MailedWorkshop Workshop, WorkshopRecipient To, int Sequence, string MessageId)
{
    /// <summary>The invitation the Yes / No / Maybe buttons answer; none for a registration without one.</summary>
    public long? InvitationId { get; init; }

    public IReadOnlyList<WorkshopChange> Changes { get; init; } = [];

    /// <summary>The online link is for people with a place; an invitation says only that the workshop is online.</summary>
    public bool ShowOnlineLink { get; init; }

    /// <summary>The workshop takes place after all, after it was cancelled.</summary>
    public bool Reinstated { get; init; }
}

/// <summary>The links of the Yes / No / Maybe buttons.</summary>
public sealed record RsvpLinks(string Yes, string No, string Maybe);

/// <summary>What the templates emails/workshop-*.liquid read as <c>model</c>.</summary>
public sealed record WorkshopLetterModel(
    string? Name, string Email, string Title, string? Summary, string When, string? Venue, string? MapUrl, bool Online, string? OnlineUrl,
    string PageUrl, RsvpLinks? Rsvp, string UnsubscribeUrl, IReadOnlyList<WorkshopChange> Changes, bool Reinstated, string WorkshopsUrl);

/// <summary>
/// Writes the workshop emails (invitation, update, cancellation) as iMIP messages: the theme's template for the
/// text and HTML, the calendar event as a text/calendar alternative and as invite.ics, and the one-click
/// unsubscribe headers of RFC 8058. Used by the invitations and by the announcements of changes alike.
/// </summary>
public sealed class WorkshopLetters(
    IThemedMail themed, MailOptions mailOptions, MailSuppressionKey suppressionKey, WorkshopTokens tokens,
    IWorkshopSiteAddress site, AlmatyClock clock, UiStrings strings, TimeProvider time)
{
    private static readonly Dictionary<WorkshopLetterKind, string> Templates = new()
    {
        [WorkshopLetterKind.Invitation] = "workshop-invitation",
        [WorkshopLetterKind.Update] = "workshop-update",
        [WorkshopLetterKind.Cancelled] = "workshop-cancelled",
    };

    public async Task<OutgoingMail> RenderAsync(WorkshopLetter letter, CancellationToken cancellationToken = default)
    {
        var (workshop, to) = (letter.Workshop, letter.To);
        var name = OneLine(to.Name);
        var pageUrl = site.Absolute(workshop.PagePath);
        var unsubscribe = UnsubscribeUrl(to.Email, to.Culture);
        var model = new WorkshopLetterModel(
            name, to.Email, workshop.Title, workshop.Summary, When(workshop.Facts.StartsAt, workshop.Facts.EndsAt, to.Culture), workshop.Facts.Venue,
            workshop.Facts.MapUrl, workshop.Facts.OnlineUrl is not null, letter.ShowOnlineLink ? workshop.Facts.OnlineUrl : null,
            pageUrl, letter.InvitationId is { } id && letter.Kind != WorkshopLetterKind.Cancelled ? Rsvp(id, workshop, to.Culture) : null,
            unsubscribe, letter.Changes, letter.Reinstated, site.Absolute($"/{to.Culture}/workshops"));

        var ics = InvitationCalendar.Write(new CalendarInvite(
            workshop, letter.Kind == WorkshopLetterKind.Cancelled ? CalendarMethod.Cancel : CalendarMethod.Request, letter.Sequence,
            Script(to, LocationOf(workshop, to.Culture)), Script(to, string.Join("\n\n", new[] { workshop.Summary, pageUrl }.Where(t => !string.IsNullOrEmpty(t)))),
            mailOptions.From, mailOptions.FromName, to.Email, name, time.GetUtcNow().UtcDateTime));
        var method = letter.Kind == WorkshopLetterKind.Cancelled ? "CANCEL" : "REQUEST";
        var message = new ThemedMessage(Templates[letter.Kind], to.Email, name, to.Culture, model)
        {
            Latin = to.Latin,
            Parts =
            [
                MailPart.Alternative($"text/calendar; method={method}; charset=UTF-8", ics),
                MailPart.Attachment("invite.ics", "application/ics", ics),
            ],
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = $"<{unsubscribe}>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        };
        var mail = await themed.RenderAsync(message, cancellationToken);
        return mail with { MessageId = letter.MessageId };
    }

    /// <summary>«14 марта 2027 г., 18:30–20:30» in Almaty time, the end's date too when it is another day.</summary>
    public string When(DateTime startsAt, DateTime endsAt, string culture) =>
        $"{clock.FormatDateTime(WorkshopCalendar.UtcOf(startsAt), culture)}–"
        + (endsAt.Date == startsAt.Date ? endsAt.ToString("HH:mm", CultureInfo.InvariantCulture) : clock.FormatDateTime(WorkshopCalendar.UtcOf(endsAt), culture));

    /// <summary>The venue, or «online» in the reader's language: the online link itself is for people with a place.</summary>
    public string LocationOf(MailedWorkshop workshop, string culture) => workshop.Facts.Venue ?? strings.Get(culture, InvitationMessages.Online);

    /// <summary>The page that stops every workshop email to the address: it carries the address's keyed hash, never the address.</summary>
    public string UnsubscribeUrl(string email, string culture) =>
        site.Absolute($"/workshops/unsubscribe/{tokens.Create(WorkshopLink.Unsubscribe, suppressionKey.HashOf(email), null)}?lang={culture}");

    // One token for the three buttons, valid until the workshop starts; the answer is in the query, not signed:
    // any of the three pages lets the person choose another answer before confirming.
    private RsvpLinks Rsvp(long invitationId, MailedWorkshop workshop, string culture)
    {
        var token = tokens.Create(WorkshopLink.Rsvp, invitationId, workshop.StartsUtc);
        var path = site.Absolute($"/{culture}/workshops/rsvp/{token}?answer=");
        return new RsvpLinks(path + "yes", path + "no", path + "maybe");
    }

    private static string Script(WorkshopRecipient to, string text) => to.Latin && to.Culture == Cultures.Kazakh ? KazakhLatin.ToLatin(text) : text;

    /// <summary>A name as one line: a line break typed into a name must not start a header of its own.</summary>
    public static string? OneLine(string? name)
    {
        if (name is null) return null;
        var line = string.Join(' ', name.Split((char[])['\r', '\n', '\t', '\f', '\v', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length == 0 ? null : line.Length > 200 ? line[..200] : line;
    }
}

/// <summary>Words of the workshop emails written in code (the calendar event's place), as msgids in the application's PO files.</summary>
public static class InvitationMessages
{
    public const string Online = "Online";
}
