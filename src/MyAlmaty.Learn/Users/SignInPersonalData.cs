using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

/// <summary>
/// How a person signs in: the links sent to their address, their signed-in browsers, and failed
/// password sign-ins counted against the address. The account itself is <see cref="PersonalData"/>'s,
/// which deletes it after every feature's rows.
/// </summary>
public sealed class SignInPersonalData(LearnDbContext db, AuthSessions sessions) : IPersonalDataHolder
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
    [
        new("signInLinks", [.. await db.Set<OneTimeLink>().AsNoTracking().Where(ToAddress(subject)).OrderBy(l => l.CreatedUtc)
            .Select(l => new { l.Purpose, l.Culture, l.CreatedUtc, l.ExpiresUtc, l.UsedUtc }).ToListAsync(cancellationToken)]),
        new("signedInBrowsers", [.. await db.Set<AuthSession>().AsNoTracking().Where(s => s.UserId == subject.UserId).OrderBy(s => s.CreatedUtc)
            .Select(s => new { s.CreatedUtc, s.ExpiresUtc }).ToListAsync(cancellationToken)]),
        new("failedSignIns", [.. await db.Set<SignInFailure>().AsNoTracking().Where(f => f.NormalizedEmail == subject.NormalizedEmail)
            .Select(f => new { f.AccessFailedCount, f.LockoutEnd }).ToListAsync(cancellationToken)]),
    ];

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        await db.Set<OneTimeLink>().Where(ToAddress(subject)).ExecuteDeleteAsync(cancellationToken);
        await db.Set<SignInFailure>().Where(f => f.NormalizedEmail == subject.NormalizedEmail).ExecuteDeleteAsync(cancellationToken);
        // Signed out everywhere at once: every request checks its session in the database.
        await sessions.EndAllAsync(subject.UserId, cancellationToken);
    }

    // A link keeps the address as it was typed, so its case may differ from the account's.
    private static Expression<Func<OneTimeLink, bool>> ToAddress(DataSubject subject) =>
        l => l.Email == subject.Email || l.Email.ToUpper() == subject.NormalizedEmail;
}
