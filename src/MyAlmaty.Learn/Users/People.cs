using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Audit;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

/// <summary>A person as the people pages show them.</summary>
public sealed record Person(
    string Id,
    string Email,
    string? DisplayName,
    IReadOnlyList<string> Roles,
    string PreferredCulture,
    DateTime CreatedUtc,
    DateTime? LastSignInUtc,
    bool EmailConfirmed,
    bool HasPassword,
    DateTimeOffset? LockoutEnd)
{
    /// <summary>The role that says what they may do: the first of <see cref="RoleNames.All"/> they hold.</summary>
    public string? Role => Roles.Count > 0 ? Roles[0] : null;

    public bool LockedByStaff => StaffLock.Holds(LockoutEnd);

    /// <summary>Invited and not yet come: the address was never confirmed.</summary>
    public bool InvitationPending => !EmailConfirmed;
}

public sealed record PeopleQuery
{
    public string? Role { get; init; }

    /// <summary>Part of a name or an address.</summary>
    public string? Text { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

public sealed record PeoplePage(IReadOnlyList<Person> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record Invitation(string Email, string? Name, string Role, string Culture);

/// <summary>The address of an invitation's link, on the page of the invitee's language.</summary>
public delegate string InvitationUrl(string culture, string token);

/// <summary>How a change to a person went.</summary>
public enum PeopleOutcome
{
    Done,

    /// <summary>Nothing to do: the person already is as asked.</summary>
    Unchanged,

    NotFound,

    /// <summary>The address has an account already: nothing was sent.</summary>
    AlreadyHasAccount,

    /// <summary>The person is the last administrator who can sign in: no demotion, no lock.</summary>
    LastAdministrator,

    /// <summary>Nobody locks their own account.</summary>
    OwnAccount,

    /// <summary>Only an invitation not yet accepted is sent again.</summary>
    NotPending,
}

public sealed record PeopleResult(PeopleOutcome Outcome, string? UserId = null)
{
    public bool Succeeded => Outcome is PeopleOutcome.Done or PeopleOutcome.Unchanged;
}

/// <summary>
/// The administrators' work on accounts: invitations, roles and locks. Each change takes turns with
/// every other (so two administrators cannot each demote the other and leave none), writes its audit
/// entry in the same transaction, and takes effect at once: a change of role rewrites the person's
/// stored sign-ins, a lock ends them. Nobody ever sets another person's password: an invitation is a
/// one-time link with which the invitee signs in and chooses one, or not.
/// </summary>
public sealed class People(UserManager<LearnUser> users, LearnDbContext db, OneTimeLinks links, IAccountEmails emails, AuthSessions sessions,
    IStoredSignIns signIns, PasswordSignIns passwords, TimeProvider clock)
{
    public async Task<PeoplePage> ListAsync(PeopleQuery query, CancellationToken cancellationToken = default)
    {
        var people = db.Users.AsNoTracking();
        if (query.Role is { } role)
        {
            var normalized = role.ToUpperInvariant();
            people = people.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var upper = text.ToUpperInvariant();
            var lower = text.ToLowerInvariant();
            var capitalized = lower.Length > 0 ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower;
            // Databases fold the case of Latin letters only, if at all; names are mostly Cyrillic, so the
            // ways people write a name are tried as typed. Addresses are compared in their normalized form.
            people = people.Where(u => u.NormalizedEmail!.Contains(upper)
                || (u.DisplayName != null && (u.DisplayName.Contains(text) || u.DisplayName.Contains(lower) || u.DisplayName.Contains(upper) || u.DisplayName.Contains(capitalized))));
        }
        var total = await people.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var rows = await people.OrderBy(u => u.NormalizedEmail).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PeoplePage(await PersonsAsync(rows, cancellationToken), total, page, pageSize);
    }

    public async Task<Person?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? null : (await PersonsAsync([user], cancellationToken))[0];
    }

    /// <summary>The people for some user ids, by id: for names in lists that mention people.</summary>
    public async Task<IReadOnlyDictionary<string, Person>> FindAllAsync(IEnumerable<string> userIds, CancellationToken cancellationToken = default)
    {
        var ids = userIds.Distinct().ToList();
        var found = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        return (await PersonsAsync(found, cancellationToken)).ToDictionary(p => p.Id);
    }

    /// <summary>Whether the person is the only administrator left who can sign in (confirmed, not locked by staff).</summary>
    public async Task<bool> IsLastAdministratorAsync(string userId, CancellationToken cancellationToken = default)
    {
        var active = await ActiveAdministratorsAsync(cancellationToken);
        return active.Count == 1 && active[0] == userId;
    }

    /// <summary>
    /// Makes an account with the role, in the language chosen, and emails it an invitation. An address
    /// that has an account is told to the administrator, and nothing is sent or changed.
    /// </summary>
    public async Task<PeopleResult> InviteAsync(string actorId, Invitation invitation, InvitationUrl linkUrl, CancellationToken cancellationToken = default)
    {
        if (!RoleNames.All.Contains(invitation.Role)) throw new ArgumentException($"Unknown role '{invitation.Role}'.", nameof(invitation));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TakeTurnAsync(cancellationToken);
        var email = invitation.Email.Trim();
        if (await users.FindByEmailAsync(email) is { } existing) return new PeopleResult(PeopleOutcome.AlreadyHasAccount, existing.Id);
        var user = new LearnUser
        {
            UserName = email,
            Email = email,
            // Confirmed when the invitee uses the link: until then, whoever typed the address may have mistyped it.
            EmailConfirmed = false,
            DisplayName = string.IsNullOrWhiteSpace(invitation.Name) ? null : invitation.Name.Trim(),
            PreferredCulture = invitation.Culture,
            CreatedUtc = Now,
        };
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, invitation.Role));
        await passwords.AdoptFailuresAsync(user, cancellationToken);
        await QueueInvitationAsync(actorId, user, invitation.Role, linkUrl, cancellationToken);
        AuditTrail.Record(db, AuditAction.Invited, actorId, user.Id, Now, after: invitation.Role);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PeopleResult(PeopleOutcome.Done, user.Id);
    }

    /// <summary>A new invitation link for an account that has not accepted the first (it may have expired).</summary>
    public async Task<PeopleResult> InviteAgainAsync(string actorId, string userId, InvitationUrl linkUrl, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TakeTurnAsync(cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user) return new PeopleResult(PeopleOutcome.NotFound);
        if (user.EmailConfirmed) return new PeopleResult(PeopleOutcome.NotPending, user.Id);
        var role = RoleNames.Ordered(await users.GetRolesAsync(user)).FirstOrDefault() ?? RoleNames.Learner;
        await QueueInvitationAsync(actorId, user, role, linkUrl, cancellationToken);
        AuditTrail.Record(db, AuditAction.InvitationResent, actorId, user.Id, Now, after: role);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PeopleResult(PeopleOutcome.Done, user.Id);
    }

    /// <summary>
    /// Gives the person exactly this one role — roles nest (an editor may do all a facilitator may), so
    /// one says it all — and rewrites their sign-ins so that it applies to their next request.
    /// </summary>
    public async Task<PeopleResult> ChangeRoleAsync(string actorId, string userId, string role, CancellationToken cancellationToken = default)
    {
        if (!RoleNames.All.Contains(role)) throw new ArgumentException($"Unknown role '{role}'.", nameof(role));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TakeTurnAsync(cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user) return new PeopleResult(PeopleOutcome.NotFound);
        var current = RoleNames.Ordered(await users.GetRolesAsync(user));
        if (current.SequenceEqual([role])) return new PeopleResult(PeopleOutcome.Unchanged, user.Id);
        if (current.Contains(RoleNames.Administrator) && role != RoleNames.Administrator && await IsLastAdministratorAsync(user.Id, cancellationToken))
        {
            return new PeopleResult(PeopleOutcome.LastAdministrator, user.Id);
        }
        if (current.Count > 0) Check(await users.RemoveFromRolesAsync(user, current));
        Check(await users.AddToRoleAsync(user, role));
        // A new stamp marks the sign-ins rewritten below as newer than any a request may still hold.
        Check(await users.UpdateSecurityStampAsync(user));
        AuditTrail.Record(db, AuditAction.RoleChanged, actorId, user.Id, Now, before: string.Join(",", current), after: role);
        await db.SaveChangesAsync(cancellationToken);
        await signIns.RefreshAsync(user, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PeopleResult(PeopleOutcome.Done, user.Id);
    }

    /// <summary>Locks the account until unlocked and signs the person out everywhere at once.</summary>
    public async Task<PeopleResult> LockAsync(string actorId, string userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TakeTurnAsync(cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user) return new PeopleResult(PeopleOutcome.NotFound);
        if (user.Id == actorId) return new PeopleResult(PeopleOutcome.OwnAccount, user.Id);
        if (StaffLock.Holds(user)) return new PeopleResult(PeopleOutcome.Unchanged, user.Id);
        if (await users.IsInRoleAsync(user, RoleNames.Administrator) && await IsLastAdministratorAsync(user.Id, cancellationToken))
        {
            return new PeopleResult(PeopleOutcome.LastAdministrator, user.Id);
        }
        user.LockoutEnabled = true;
        user.LockoutEnd = StaffLock.Until;
        Check(await users.UpdateAsync(user));
        // Every request checks its session in the database: deleting them signs the person out on every node.
        await sessions.EndAllAsync(user.Id, cancellationToken);
        AuditTrail.Record(db, AuditAction.Locked, actorId, user.Id, Now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PeopleResult(PeopleOutcome.Done, user.Id);
    }

    public async Task<PeopleResult> UnlockAsync(string actorId, string userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TakeTurnAsync(cancellationToken);
        if (await users.FindByIdAsync(userId) is not { } user) return new PeopleResult(PeopleOutcome.NotFound);
        if (!StaffLock.Holds(user)) return new PeopleResult(PeopleOutcome.Unchanged, user.Id);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        Check(await users.UpdateAsync(user));
        AuditTrail.Record(db, AuditAction.Unlocked, actorId, user.Id, Now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PeopleResult(PeopleOutcome.Done, user.Id);
    }

    private async Task QueueInvitationAsync(string actorId, LearnUser user, string role, InvitationUrl linkUrl, CancellationToken cancellationToken)
    {
        var inviter = await db.Users.AsNoTracking().Where(u => u.Id == actorId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        var token = links.Create(user.Email!, LinkPurpose.Invitation, user.PreferredCulture);
        await emails.QueueAsync(db, new AccountEmail(AccountEmail.Invitation, user.Email!, user.PreferredCulture, linkUrl(user.PreferredCulture, token), user.DisplayName,
            Role: role, InvitedBy: string.IsNullOrWhiteSpace(inviter) ? null : inviter), cancellationToken);
    }

    /// <summary>
    /// Changes to accounts take turns: the first statement of each transaction writes the Administrator
    /// role's row, which holds every other such transaction until this one ends — a row lock on a
    /// server database, the write lock on SQLite — so what it reads next (who else is an administrator)
    /// stays true until it commits. Plain SQL on every provider.
    /// </summary>
    private Task TakeTurnAsync(CancellationToken cancellationToken)
    {
        var administrator = RoleNames.Administrator.ToUpperInvariant();
        return db.Roles.Where(r => r.NormalizedName == administrator)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConcurrencyStamp, Guid.NewGuid().ToString()), cancellationToken);
    }

    private async Task<IReadOnlyList<string>> ActiveAdministratorsAsync(CancellationToken cancellationToken)
    {
        var administrator = RoleNames.Administrator.ToUpperInvariant();
        var admins = await db.Users.AsNoTracking()
            .Where(u => u.EmailConfirmed && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == administrator)))
            .Select(u => new { u.Id, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return admins.Where(a => !StaffLock.Holds(a.LockoutEnd)).Select(a => a.Id).ToList();
    }

    private async Task<IReadOnlyList<Person>> PersonsAsync(IReadOnlyList<LearnUser> found, CancellationToken cancellationToken)
    {
        var ids = found.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles.AsNoTracking(), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        return found.Select(u => new Person(u.Id, u.Email ?? "", u.DisplayName, RoleNames.Ordered(roles[u.Id]), u.PreferredCulture, u.CreatedUtc,
            u.LastSignInUtc, u.EmailConfirmed, u.PasswordHash is not null, u.LockoutEnd)).ToList();
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
    }
}
