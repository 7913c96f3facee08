using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Workshops.Registrations;

public enum RegistrationOutcome
{
    Registered,
    Waitlisted,

    /// <summary>The address already has a place or a waiting position: nothing changed, nothing was sent.</summary>
    AlreadyRegistered,

    /// <summary>The workshop has begun, took place, was cancelled, or is not published.</summary>
    Closed,

    /// <summary>The name or the address is not acceptable; see <see cref="RegistrationResult.Problems"/>.</summary>
    Invalid,
}

/// <param name="Position">The place on the waitlist (1 is next), when the person waits.</param>
public sealed record RegistrationResult(RegistrationOutcome Outcome, WorkshopRegistration? Registration = null, int? Position = null,
    IReadOnlyList<(string Field, string Message)>? Problems = null);

public enum CancelOutcome
{
    Cancelled,

    /// <summary>Cancelled, or expired, before: nothing changed.</summary>
    AlreadyCancelled,

    /// <summary>The workshop has begun: a place is no longer given up.</summary>
    TooLate,

    NotFound,
}

/// <param name="Promoted">The person who got the freed place, if one was waiting.</param>
public sealed record CancelResult(CancelOutcome Outcome, WorkshopRegistration? Registration = null, WorkshopRegistration? Promoted = null);

/// <summary>
/// Places at workshops: registering (with or without an account), the waitlist, giving a place up. A place is
/// taken by one conditional update of the workshop's <see cref="WorkshopSeats"/> row, so parallel registrations
/// never take more places than there are; every change writes its email in the same transaction.
/// </summary>
public sealed class WorkshopRegistrations(LearnDbContext db, PublishedContent published, IRegistrationEmails emails, WorkshopReminders reminders, TimeProvider clock)
{
    /// <summary>A signed-in learner: the name and address are the account's, the language of emails theirs unless chosen.</summary>
    public Task<RegistrationResult> RegisterAsync(string workshopKey, LearnUser user, string? culture = null, bool latin = false, CancellationToken cancellationToken = default) =>
        RegisterAsync(workshopKey, new Registrant(user.DisplayName is { Length: > 0 } name ? name : user.Email!, user.Email!, culture ?? user.PreferredCulture, latin, user.Id), cancellationToken);

    public async Task<RegistrationResult> RegisterAsync(string workshopKey, Registrant who, CancellationToken cancellationToken = default)
    {
        if (who.Problems() is { Count: > 0 } problems) return new(RegistrationOutcome.Invalid, Problems: problems);
        if (Workshop(workshopKey, who.Culture) is not { } workshop || !IsOpen(workshop)) return new(RegistrationOutcome.Closed);
        var facts = workshop.MetadataAs<WorkshopMetadata>();
        var email = who.Email.Trim();
        var normalized = Registrant.Normalize(email);
        var now = Now;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await EnsureSeatsRowAsync(workshopKey, cancellationToken);
            var registration = await Registrations.SingleOrDefaultAsync(r => r.WorkshopKey == workshopKey && r.NormalizedEmail == normalized, cancellationToken);
            if (registration is { Status: RegistrationStatus.Registered or RegistrationStatus.Waitlisted })
            {
                return new(RegistrationOutcome.AlreadyRegistered, registration, await PositionAsync(registration, cancellationToken));
            }
            var seated = await TakeSeatAsync(workshopKey, facts.Capacity, cancellationToken);
            if (registration is null)
            {
                registration = new WorkshopRegistration
                {
                    WorkshopKey = workshopKey, Name = who.Name.Trim(), Email = email, NormalizedEmail = normalized, Culture = who.Culture, CreatedUtc = now,
                };
                db.Add(registration);
            }
            // Registering again after cancelling takes the same row up again, with what the person gave this time.
            registration.Name = who.Name.Trim();
            registration.Email = email;
            registration.Culture = who.Culture;
            registration.Latin = who.Latin && who.Culture == Localization.Cultures.Kazakh;
            registration.UserId = who.UserId ?? registration.UserId;
            registration.InvitationId = who.InvitationId ?? registration.InvitationId;
            registration.Status = seated ? RegistrationStatus.Registered : RegistrationStatus.Waitlisted;
            registration.StatusChangedUtc = now;
            registration.CheckedInUtc = null;
            registration.CheckedInBy = null;
            await db.SaveChangesAsync(cancellationToken);
            var position = seated ? null : await PositionAsync(registration, cancellationToken);
            var mailed = Workshop(workshopKey, registration.Culture) ?? workshop;
            await emails.QueueAsync(db, new RegistrationEmail(seated ? RegistrationTemplates.Registered : RegistrationTemplates.Waitlisted, registration, mailed, position), cancellationToken);
            await reminders.ScheduleAsync(db, workshopKey, WorkshopCalendar.UtcOf(facts.StartsAt), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new(seated ? RegistrationOutcome.Registered : RegistrationOutcome.Waitlisted, registration, position);
        }
        catch (DbUpdateException)
        {
            // The same address registered at the same moment by another request (the unique index said so): that one stands.
            db.ChangeTracker.Clear();
            var existing = await Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.WorkshopKey == workshopKey && r.NormalizedEmail == normalized, cancellationToken);
            if (existing is null) throw;
            return new(RegistrationOutcome.AlreadyRegistered, existing, await PositionAsync(existing, cancellationToken));
        }
    }

    /// <summary>
    /// Gives up a place or a waiting position. A freed place goes, in the same transaction, to the first person on the
    /// waitlist (in the order they joined it), who is sent their ticket.
    /// </summary>
    public async Task<CancelResult> CancelAsync(long registrationId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var registration = await Registrations.SingleOrDefaultAsync(r => r.Id == registrationId, cancellationToken);
        if (registration is null) return new(CancelOutcome.NotFound);
        if (registration.Status is RegistrationStatus.Cancelled or RegistrationStatus.Expired) return new(CancelOutcome.AlreadyCancelled, registration);
        var workshop = Workshop(registration.WorkshopKey, registration.Culture);
        if (workshop is not null && WorkshopCalendar.UtcOf(workshop.MetadataAs<WorkshopMetadata>().StartsAt) <= Now) return new(CancelOutcome.TooLate, registration);

        var was = registration.Status;
        // Conditional, so that two cancellations of one place at once free it once.
        var changed = await Registrations.Where(r => r.Id == registrationId && r.Status == was)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Cancelled).SetProperty(r => r.StatusChangedUtc, Now), cancellationToken);
        if (changed == 0) return new(CancelOutcome.AlreadyCancelled, registration);
        await db.Entry(registration).ReloadAsync(cancellationToken);
        WorkshopRegistration? promoted = null;
        if (was == RegistrationStatus.Registered)
        {
            await Seats.Where(s => s.WorkshopKey == registration.WorkshopKey && s.Taken > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - 1), cancellationToken);
            if (workshop is not null) promoted = await PromoteNextAsync(workshop, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(CancelOutcome.Cancelled, registration, promoted);
    }

    /// <summary>Gives a free place, if there is one, to the first person waiting; queues their email. Inside the caller's transaction.</summary>
    private async Task<WorkshopRegistration?> PromoteNextAsync(PublishedItem workshop, CancellationToken cancellationToken)
    {
        var key = workshop.TranslationKey;
        var capacity = workshop.MetadataAs<WorkshopMetadata>().Capacity;
        while (true)
        {
            var next = await Registrations.Where(r => r.WorkshopKey == key && r.Status == RegistrationStatus.Waitlisted)
                .OrderBy(r => r.StatusChangedUtc).ThenBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is null) return null;
            // The freed place is taken the same way a registration takes one: a smaller capacity since may leave none.
            if (!await TakeSeatAsync(key, capacity, cancellationToken)) return null;
            var moved = await Registrations.Where(r => r.Id == next.Id && r.Status == RegistrationStatus.Waitlisted)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RegistrationStatus.Registered).SetProperty(r => r.StatusChangedUtc, Now), cancellationToken);
            if (moved == 1)
            {
                await db.Entry(next).ReloadAsync(cancellationToken);
                await emails.QueueAsync(db, new RegistrationEmail(RegistrationTemplates.Promoted, next, Workshop(key, next.Culture) ?? workshop), cancellationToken);
                return next;
            }
            // Someone else moved them meanwhile (a server database without one writer at a time): give the place back and look again.
            await Seats.Where(s => s.WorkshopKey == key && s.Taken > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - 1), cancellationToken);
        }
    }

    public Task<WorkshopRegistration?> FindAsync(long id, CancellationToken cancellationToken = default) =>
        Registrations.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Everyone registered for or waiting for a workshop (the facilitator's list), places first, each group in the order they came.</summary>
    public async Task<IReadOnlyList<WorkshopRegistration>> OfWorkshopAsync(string workshopKey, CancellationToken cancellationToken = default) =>
        (await Registrations.AsNoTracking().Where(r => r.WorkshopKey == workshopKey).ToListAsync(cancellationToken))
            .OrderBy(r => r.Status).ThenBy(r => r.StatusChangedUtc).ThenBy(r => r.Id).ToList();

    /// <summary>Those with a place at a workshop, checked in or not.</summary>
    public async Task<IReadOnlyList<WorkshopRegistration>> AttendeesAsync(string workshopKey, CancellationToken cancellationToken = default) =>
        (await OfWorkshopAsync(workshopKey, cancellationToken)).Where(r => r.Status == RegistrationStatus.Registered).ToList();

    /// <summary>A person's registrations, by their account or by their address (registrations made without signing in); newest first.</summary>
    public async Task<IReadOnlyList<WorkshopRegistration>> OfPersonAsync(string? userId, string? email, CancellationToken cancellationToken = default)
    {
        var normalized = email is null ? null : Registrant.Normalize(email);
        if (userId is null && normalized is null) return [];
        return await Registrations.AsNoTracking().Where(r => (userId != null && r.UserId == userId) || (normalized != null && r.NormalizedEmail == normalized))
            .OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The place on the waitlist (1 is next), or null when the person does not wait.</summary>
    public async Task<int?> PositionAsync(WorkshopRegistration registration, CancellationToken cancellationToken = default)
    {
        if (registration.Status != RegistrationStatus.Waitlisted) return null;
        var ahead = await Registrations.CountAsync(r => r.WorkshopKey == registration.WorkshopKey && r.Status == RegistrationStatus.Waitlisted
            && (r.StatusChangedUtc < registration.StatusChangedUtc || (r.StatusChangedUtc == registration.StatusChangedUtc && r.Id < registration.Id)), cancellationToken);
        return ahead + 1;
    }

    /// <summary>The published workshop in <paramref name="culture"/>, or in the other language when it has no translation.</summary>
    public PublishedItem? Workshop(string workshopKey, string culture)
    {
        var catalog = published.Current;
        return catalog.ByKey(culture, WorkshopTypeNames.Workshop, workshopKey)
            ?? catalog.ByKey(Localization.Cultures.Other(culture), WorkshopTypeNames.Workshop, workshopKey);
    }

    /// <summary>Registration is open until the start of a workshop that is on (scheduled or changed).</summary>
    public bool IsOpen(PublishedItem workshop)
    {
        var facts = workshop.MetadataAs<WorkshopMetadata>();
        return facts.Status is WorkshopStatus.Scheduled or WorkshopStatus.Changed && WorkshopCalendar.UtcOf(facts.StartsAt) > Now;
    }

    /// <summary>
    /// The seats row is made on first use. Two first registrations at once both try; ON CONFLICT DO NOTHING (SQLite
    /// and PostgreSQL alike) lets the second find the first's row instead of failing.
    /// </summary>
    private Task EnsureSeatsRowAsync(string workshopKey, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO \"WorkshopSeats\" (\"WorkshopKey\", \"Taken\") VALUES ({workshopKey}, 0) ON CONFLICT (\"WorkshopKey\") DO NOTHING", cancellationToken);

    /// <summary>Takes a place if one is free: one conditional update, which the database runs for one writer at a time.</summary>
    private async Task<bool> TakeSeatAsync(string workshopKey, int? capacity, CancellationToken cancellationToken)
    {
        var limit = capacity ?? int.MaxValue;
        return await Seats.Where(s => s.WorkshopKey == workshopKey && s.Taken < limit)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + 1), cancellationToken) == 1;
    }

    private DbSet<WorkshopRegistration> Registrations => db.Set<WorkshopRegistration>();
    private DbSet<WorkshopSeats> Seats => db.Set<WorkshopSeats>();
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
