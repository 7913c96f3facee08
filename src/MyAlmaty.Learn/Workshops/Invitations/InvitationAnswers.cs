using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>
/// What an answer to an invitation does beyond recording it: «yes» takes a place (or a waiting position), «no»
/// after «yes» gives the place up. Called in the unit of work that records the answer, without saving.
/// </summary>
public interface IRsvpRegistration
{
    Task AnsweredAsync(LearnDbContext db, WorkshopInvitation invitation, RsvpAnswer previous, CancellationToken cancellationToken);
}

public enum RsvpLinkState
{
    /// <summary>The invitation can be answered.</summary>
    Open,

    /// <summary>The workshop has started (or the link outlived it): answers are closed.</summary>
    Expired,

    /// <summary>The workshop is cancelled or no longer on the site.</summary>
    Cancelled,

    /// <summary>Not a link of ours, or its invitation no longer exists.</summary>
    Broken,
}

/// <param name="Workshop">The workshop in the reader's language (or the other, without a translation); null unless the link is open or expired.</param>
public sealed record RsvpLink(RsvpLinkState State, WorkshopInvitation? Invitation, MailedWorkshop? Workshop);

/// <summary>
/// Answers to invitations through signed links (no sign-in, no address in the link). Reading a link records only
/// that it was opened — mail scanners follow links too — and answering takes a confirming POST.
/// </summary>
public sealed class InvitationAnswers(WorkshopTokens tokens, PublishedContent published, IRsvpRegistration registration, TimeProvider time)
{
    /// <summary>The answer a link or a form names (yes, no, maybe); None for anything else.</summary>
    public static RsvpAnswer AnswerNamed(string? answer) =>
        answer switch { "yes" => RsvpAnswer.Yes, "no" => RsvpAnswer.No, "maybe" => RsvpAnswer.Maybe, _ => RsvpAnswer.None };

    public async Task<RsvpLink> ReadAsync(LearnDbContext db, string token, string culture, CancellationToken cancellationToken = default)
    {
        var reading = tokens.Read(WorkshopLink.Rsvp, token);
        if (reading.State == TokenState.Forged || reading.Id is not { } id) return new(RsvpLinkState.Broken, null, null);
        if (await db.Set<WorkshopInvitation>().FindAsync([id], cancellationToken) is not { } invitation) return new(RsvpLinkState.Broken, null, null);
        var catalog = published.Current;
        var item = catalog.ByKey(culture, WorkshopTypeNames.Workshop, invitation.WorkshopKey)
            ?? catalog.ByKey(Cultures.Other(culture), WorkshopTypeNames.Workshop, invitation.WorkshopKey);
        if (item is null) return new(RsvpLinkState.Cancelled, invitation, null);
        var workshop = MailedWorkshop.Of(item);
        if (workshop.Facts.Status == WorkshopStatus.Cancelled) return new(RsvpLinkState.Cancelled, invitation, workshop);
        // The link expires at the start it was mailed with; the workshop may since have moved earlier.
        var started = workshop.StartsUtc <= time.GetUtcNow().UtcDateTime;
        return new(reading.State == TokenState.Expired || started ? RsvpLinkState.Expired : RsvpLinkState.Open, invitation, workshop);
    }

    /// <summary>Records the first opening of an RSVP page; the caller saves.</summary>
    public void Opened(WorkshopInvitation invitation) => invitation.OpenedUtc ??= time.GetUtcNow().UtcDateTime;

    /// <summary>Records the answer and does what it means for the person's place; the caller saves.</summary>
    public async Task AnswerAsync(LearnDbContext db, WorkshopInvitation invitation, RsvpAnswer answer, CancellationToken cancellationToken = default)
    {
        var previous = invitation.Answer;
        var now = time.GetUtcNow().UtcDateTime;
        invitation.OpenedUtc ??= now;
        invitation.Answer = answer;
        invitation.AnsweredUtc = now;
        await registration.AnsweredAsync(db, invitation, previous, cancellationToken);
    }
}
