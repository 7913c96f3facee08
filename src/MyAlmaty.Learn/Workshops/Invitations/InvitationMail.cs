using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>
/// The invitation email of a workshop: an iMIP calendar invitation (Gmail, Outlook and Apple Mail show it with
/// Yes / No / Maybe) with the same three answers as buttons linking to the RSVP pages, in the invitation's
/// language and alphabet, about the workshop as it is published now.
/// </summary>
public sealed class InvitationMail(WorkshopLetters letters, IMailOutbox outbox, PublishedContent published, MailSuppressionKey suppressionKey, TimeProvider time)
{
    /// <summary>
    /// Adds the invitation's email to <paramref name="db"/>'s outbox without saving, with the Message-ID
    /// <c>invitation-{id}-r{revision}</c> and SEQUENCE = <see cref="WorkshopInvitation.Revision"/>.
    /// Returns <c>null</c>, and queues nothing, when the address unsubscribed or bounced: the caller shows
    /// such a recipient as unsubscribed. The outbox row's id is known once saved; the caller stores it in
    /// <see cref="WorkshopInvitation.OutboxMessageId"/> then.
    /// </summary>
    /// <exception cref="InvalidOperationException">The invitation is not saved yet, or the workshop is not published or is cancelled.</exception>
    /// <exception cref="ArgumentException">The address cannot be mailed (the outbox names the problem).</exception>
    public async Task<OutboxMessage?> QueueAsync(LearnDbContext db, WorkshopInvitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        if (invitation.Id == 0) throw new InvalidOperationException("Save the invitation first: its id names the message and the RSVP links.");
        if (await new MailSuppressions(db, suppressionKey, time).IsSuppressedAsync(invitation.Email, cancellationToken)) return null;
        var workshop = Open(invitation.WorkshopKey, invitation.Culture);
        var mail = await letters.RenderAsync(LetterFor(invitation, workshop), cancellationToken);
        return outbox.Enqueue(db, mail);
    }

    /// <summary>The invitation as a person would get it, for the facilitator's preview; RSVP links name no invitation that exists.</summary>
    public Task<OutgoingMail> PreviewAsync(string workshopKey, string culture, bool latin, string? name, CancellationToken cancellationToken = default)
    {
        var invitation = new WorkshopInvitation
        {
            Id = 0,
            WorkshopKey = workshopKey,
            Email = "preview@example.kz",
            NormalizedEmail = "PREVIEW@EXAMPLE.KZ",
            Name = name,
            Culture = Cultures.IsSupported(culture) ? culture : Cultures.Default,
            Latin = latin,
        };
        return letters.RenderAsync(LetterFor(invitation, Open(workshopKey, invitation.Culture)), cancellationToken);
    }

    /// <summary>The local part of the Message-ID of an invitation's revision: a resend of one revision is recognisable.</summary>
    public static string MessageIdOf(long invitationId, int revision) => $"invitation-{invitationId}-r{revision}";

    private static WorkshopLetter LetterFor(WorkshopInvitation invitation, MailedWorkshop workshop) =>
        new(WorkshopLetterKind.Invitation, workshop, new WorkshopRecipient(invitation.Email, invitation.Name, invitation.Culture, invitation.Latin),
            invitation.Revision, MessageIdOf(invitation.Id, invitation.Revision))
        {
            InvitationId = invitation.Id,
        };

    /// <summary>The published workshop in <paramref name="culture"/>, or in the other language when it has no translation.</summary>
    private MailedWorkshop Open(string key, string culture)
    {
        var catalog = published.Current;
        var item = catalog.ByKey(culture, WorkshopTypeNames.Workshop, key) ?? catalog.ByKey(Cultures.Other(culture), WorkshopTypeNames.Workshop, key)
            ?? throw new InvalidOperationException($"The workshop '{key}' is not published: there is nothing to invite to.");
        var workshop = MailedWorkshop.Of(item);
        if (workshop.Facts.Status == WorkshopStatus.Cancelled) throw new InvalidOperationException($"The workshop '{key}' is cancelled: invitations are not sent.");
        return workshop;
    }
}
