using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Workshops.Invitations;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Workshops.Campaigns;

/// <summary>
/// Where one person invited to a workshop stands, furthest step last: the email queued, sent or failed (with the
/// server's answer), the RSVP page opened, an answer, a place or a waiting position, attendance.
/// </summary>
public sealed record RecipientStatus(string Email, string? Name, string Language, MailDeliveryStatus? Delivery, string? Error, DateTime? OpenedUtc,
    RsvpAnswer Answer, RegistrationStatus? Registration, bool Attended)
{
    /// <summary>The states a facilitator filters by: queued, sent, failed, opened, yes, no, maybe, registered, waitlisted, attended.</summary>
    public IEnumerable<string> States()
    {
        if (Delivery is { } delivery) yield return delivery.ToString().ToLowerInvariant();
        if (OpenedUtc is not null) yield return "opened";
        if (Answer != RsvpAnswer.None) yield return Answer.ToString().ToLowerInvariant();
        if (Registration is RegistrationStatus.Registered or RegistrationStatus.Waitlisted) yield return Registration.Value.ToString().ToLowerInvariant();
        if (Attended) yield return "attended";
    }
}

/// <summary>
/// A workshop's people for its facilitators: every invitation with what became of it, and the attendance list with
/// marking who came. Only for those who run the workshop: the endpoints check that before calling.
/// </summary>
public sealed class WorkshopRoster(LearnDbContext db, MailDeliveryStates deliveries, WorkshopRegistrations registrations, WorkshopAttendance attendance)
{
    public static readonly IReadOnlyList<string> Filters = ["queued", "sent", "failed", "opened", "yes", "no", "maybe", "registered", "waitlisted", "attended"];

    public async Task<IReadOnlyList<RecipientStatus>> StatusAsync(string workshopKey, CancellationToken cancellationToken = default)
    {
        var invitations = await db.Set<WorkshopInvitation>().AsNoTracking().Where(i => i.WorkshopKey == workshopKey).OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var states = await deliveries.OfAsync(invitations.Where(i => i.OutboxMessageId is not null).Select(i => i.OutboxMessageId!.Value), cancellationToken);
        var people = (await registrations.OfWorkshopAsync(workshopKey, cancellationToken)).ToDictionary(r => r.NormalizedEmail, StringComparer.Ordinal);
        return [.. invitations.Select(i =>
        {
            var state = i.OutboxMessageId is { } id ? states.GetValueOrDefault(id) : null;
            var person = people.GetValueOrDefault(i.NormalizedEmail);
            return new RecipientStatus(i.Email, i.Name, WorkshopCampaigns.Join(i.Culture, i.Latin), state?.Status, state?.LastError, i.OpenedUtc, i.Answer,
                person?.Status, person?.CheckedInUtc is not null);
        })];
    }

    /// <summary>Those with a place, by name: the list printed to sign and the one ticked in the browser.</summary>
    public async Task<IReadOnlyList<WorkshopRegistration>> AttendeesAsync(string workshopKey, CancellationToken cancellationToken = default) =>
        [.. (await registrations.AttendeesAsync(workshopKey, cancellationToken)).OrderBy(r => r.Name, StringComparer.CurrentCulture).ThenBy(r => r.Id)];

    /// <summary>
    /// Records who came: the ticked registrations are checked in (by <paramref name="by"/>, at most once each, as a ticket scan
    /// would), and a tick taken away undoes a check-in made by mistake. Returns how many changed.
    /// </summary>
    public async Task<int> MarkAsync(string workshopKey, IReadOnlySet<long> present, ClaimsPrincipal by, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        foreach (var registration in await registrations.AttendeesAsync(workshopKey, cancellationToken))
        {
            if (present.Contains(registration.Id) && registration.CheckedInUtc is null)
            {
                if ((await attendance.CheckInAsync(registration.Id, by, cancellationToken)).Outcome == CheckInOutcome.CheckedIn) changed++;
            }
            else if (!present.Contains(registration.Id) && registration.CheckedInUtc is not null)
            {
                changed += await db.Set<WorkshopRegistration>().Where(r => r.Id == registration.Id && r.WorkshopKey == workshopKey)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInUtc, (DateTime?)null).SetProperty(r => r.CheckedInBy, (string?)null), cancellationToken);
            }
        }
        return changed;
    }
}
