using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Workshops.Registrations;

public enum CheckInOutcome
{
    CheckedIn,

    /// <summary>Checked in before, at <see cref="CheckInResult.At"/>: nothing changed.</summary>
    AlreadyCheckedIn,

    /// <summary>The person has no place (waits, cancelled, expired).</summary>
    NoPlace,

    /// <summary>The one checking in does not run this workshop.</summary>
    NotAllowed,

    NotFound,
}

public sealed record CheckInResult(CheckInOutcome Outcome, WorkshopRegistration? Registration = null, DateTime? At = null);

/// <summary>
/// Who came: a ticket is checked in once, by someone who runs that workshop (an account in its
/// <see cref="WorkshopFacilitator"/> list with <c>workshops.run</c>) or who may run all (<c>workshops.all</c>).
/// </summary>
public sealed class WorkshopAttendance(LearnDbContext db, PermissionGrants grants, TimeProvider clock)
{
    /// <summary>Whether <paramref name="person"/> runs the workshop: may see its attendees and check them in.</summary>
    public async Task<bool> RunsAsync(ClaimsPrincipal person, string workshopKey, CancellationToken cancellationToken = default)
    {
        if (grants.Has(person, WorkshopPermissions.RunAll)) return true;
        if (!grants.Has(person, WorkshopPermissions.Run) || person.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return false;
        return await db.Set<WorkshopFacilitator>().AnyAsync(f => f.WorkshopKey == workshopKey && f.UserId == userId, cancellationToken);
    }

    public async Task<CheckInResult> CheckInAsync(long registrationId, ClaimsPrincipal by, CancellationToken cancellationToken = default)
    {
        var registrations = db.Set<WorkshopRegistration>();
        var registration = await registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null) return new(CheckInOutcome.NotFound);
        if (!await RunsAsync(by, registration.WorkshopKey, cancellationToken)) return new(CheckInOutcome.NotAllowed);
        if (registration.Status != RegistrationStatus.Registered) return new(CheckInOutcome.NoPlace, registration);
        if (registration.CheckedInUtc is { } before) return new(CheckInOutcome.AlreadyCheckedIn, registration, before);

        var now = clock.GetUtcNow().UtcDateTime;
        var userId = by.FindFirstValue(ClaimTypes.NameIdentifier);
        // Conditional: two facilitators scanning the same ticket at once check it in once; the second learns when.
        var changed = await registrations.Where(r => r.Id == registrationId && r.CheckedInUtc == null && r.Status == RegistrationStatus.Registered)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInUtc, now).SetProperty(r => r.CheckedInBy, userId), cancellationToken);
        var after = await registrations.AsNoTracking().SingleAsync(r => r.Id == registrationId, cancellationToken);
        return changed == 1 ? new(CheckInOutcome.CheckedIn, after, now) : new(CheckInOutcome.AlreadyCheckedIn, after, after.CheckedInUtc);
    }
}
