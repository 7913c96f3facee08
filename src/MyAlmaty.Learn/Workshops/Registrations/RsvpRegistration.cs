using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Workshops.Registrations;

/// <summary>
/// What an answer to an invitation means for a place: «yes» takes one (or a waiting position, with the
/// ticket or the waitlist email), «no» after «yes» gives it back to the first one waiting; «maybe» keeps
/// whatever the person has. The registration is written with the answer, in one transaction.
/// </summary>
internal sealed class RsvpRegistration(WorkshopRegistrations registrations) : IRsvpRegistration
{
    public async Task AnsweredAsync(LearnDbContext db, WorkshopInvitation invitation, RsvpAnswer previous, CancellationToken cancellationToken)
    {
        if (invitation.Answer == RsvpAnswer.Yes && previous != RsvpAnswer.Yes)
        {
            var name = string.IsNullOrWhiteSpace(invitation.Name) ? invitation.Email[..invitation.Email.IndexOf('@')] : invitation.Name;
            await registrations.RegisterAsync(invitation.WorkshopKey,
                new Registrant(name, invitation.Email, invitation.Culture, invitation.Latin, InvitationId: invitation.Id), cancellationToken);
        }
        else if (invitation.Answer == RsvpAnswer.No && previous == RsvpAnswer.Yes)
        {
            var place = await db.Set<WorkshopRegistration>().AsNoTracking()
                .Where(r => r.WorkshopKey == invitation.WorkshopKey && r.NormalizedEmail == invitation.NormalizedEmail
                    && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted))
                .Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (place is { } id) await registrations.CancelAsync(id, cancellationToken);
        }
    }
}
