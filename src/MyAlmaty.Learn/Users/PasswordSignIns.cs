using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

public enum PasswordCheck
{
    Succeeded,
    WrongCredentials,
    LockedOut,

    /// <summary>The right password for an account whose address is not confirmed yet.</summary>
    NeedsConfirmation,

    /// <summary>The right password for an account staff have locked.</summary>
    Closed,
}

public sealed record PasswordCheckResult(PasswordCheck Outcome, LearnUser? User = null);

/// <summary>
/// Checks an address and a password with the same work whatever the address is — unknown,
/// confirmed, unconfirmed, without a password, locked out: the password is hashed exactly once and
/// one failure is counted by the same rules. Only the right password for an account learns anything.
/// </summary>
public sealed class PasswordSignIns(UserManager<LearnUser> users, LearnDbContext db, IOptions<IdentityOptions> identity, TimeProvider clock)
{
    /// <summary>A hash of nothing anyone knows, verified where there is no real hash to verify.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<LearnUser>().HashPassword(new LearnUser(), Convert.ToBase64String(Guid.NewGuid().ToByteArray())));

    public async Task<PasswordCheckResult> CheckAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null) return await CheckUnknownAsync(email, password, cancellationToken);
        if (await users.IsLockedOutAsync(user))
        {
            // One hash either way. Only the right password learns that staff locked the account rather than wrong guesses.
            var right = (user.PasswordHash is { } lockedHash ? users.PasswordHasher.VerifyHashedPassword(user, lockedHash, password) : SpendHash(password))
                != PasswordVerificationResult.Failed;
            return new PasswordCheckResult(right && StaffLock.Holds(user) ? PasswordCheck.Closed : PasswordCheck.LockedOut);
        }
        var verified = user.PasswordHash is { } hash ? users.PasswordHasher.VerifyHashedPassword(user, hash, password) : SpendHash(password);
        if (verified == PasswordVerificationResult.Failed)
        {
            await users.AccessFailedAsync(user);
            return new PasswordCheckResult(await users.IsLockedOutAsync(user) ? PasswordCheck.LockedOut : PasswordCheck.WrongCredentials);
        }
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            await users.UpdateAsync(user);
        }
        if (!user.EmailConfirmed) return new PasswordCheckResult(PasswordCheck.NeedsConfirmation, user);
        if (user.AccessFailedCount > 0) await users.ResetAccessFailedCountAsync(user);
        return new PasswordCheckResult(PasswordCheck.Succeeded, user);
    }

    /// <summary>Identity's rules, for an address without an account: a count that only a lock-out resets, and a lock-out of the same length.</summary>
    private async Task<PasswordCheckResult> CheckUnknownAsync(string email, string password, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeEmail(email);
        var now = clock.GetUtcNow();
        var failure = await db.Set<SignInFailure>().FirstOrDefaultAsync(f => f.NormalizedEmail == normalized, cancellationToken);
        SpendHash(password);
        if (failure?.LockoutEnd > now) return new PasswordCheckResult(PasswordCheck.LockedOut);
        if (failure is null)
        {
            failure = new SignInFailure { NormalizedEmail = normalized };
            db.Add(failure);
        }
        var lockout = identity.Value.Lockout;
        failure.AccessFailedCount++;
        if (failure.AccessFailedCount >= lockout.MaxFailedAccessAttempts)
        {
            failure.LockoutEnd = now + lockout.DefaultLockoutTimeSpan;
            failure.AccessFailedCount = 0;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first failures at once: the other one counted; count this one on the row it made.
            db.ChangeTracker.Clear();
            await db.Set<SignInFailure>().Where(f => f.NormalizedEmail == normalized)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.AccessFailedCount, f => f.AccessFailedCount + 1), cancellationToken);
        }
        return new PasswordCheckResult(failure.LockoutEnd > now ? PasswordCheck.LockedOut : PasswordCheck.WrongCredentials);
    }

    /// <summary>
    /// When an address gets an account, its failures so far become the account's, as if it had
    /// always had one: the lock-out does not start over and so does not tell when the account was made.
    /// </summary>
    public async Task AdoptFailuresAsync(LearnUser user, CancellationToken cancellationToken = default)
    {
        var normalized = users.NormalizeEmail(user.Email);
        if (await db.Set<SignInFailure>().FirstOrDefaultAsync(f => f.NormalizedEmail == normalized, cancellationToken) is not { } failure) return;
        user.AccessFailedCount = failure.AccessFailedCount;
        user.LockoutEnd = failure.LockoutEnd;
        db.Remove(failure);
        await users.UpdateAsync(user);
    }

    private PasswordVerificationResult SpendHash(string password)
    {
        users.PasswordHasher.VerifyHashedPassword(new LearnUser(), DecoyHash.Value, password);
        return PasswordVerificationResult.Failed;
    }
}
