using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

/// <summary>Server-side sign-in sessions: stored, renewed, ended one at a time or all of a person's at once.</summary>
public sealed class AuthSessions(LearnDbContext db, TimeProvider clock)
{
    /// <summary>Stores a session and returns the key for the cookie.</summary>
    public async Task<string> CreateAsync(string userId, byte[] ticket, DateTime expiresUtc, CancellationToken cancellationToken = default)
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        // Sessions nobody ended are removed when they run out; any sign-in sweeps them.
        await db.Set<AuthSession>().Where(s => s.ExpiresUtc < now).ExecuteDeleteAsync(cancellationToken);
        db.Add(new AuthSession { Id = Hash(key), UserId = userId, Ticket = ticket, CreatedUtc = now, ExpiresUtc = expiresUtc });
        await db.SaveChangesAsync(cancellationToken);
        // Every new session is a sign-in: the people list shows the last one.
        await db.Set<LearnUser>().Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInUtc, now), cancellationToken);
        db.ChangeTracker.Clear();
        return key;
    }

    /// <summary>The stored sign-in, while the session exists and has not run out.</summary>
    public async Task<byte[]?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var id = Hash(key);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<AuthSession>().AsNoTracking().Where(s => s.Id == id && s.ExpiresUtc > now).Select(s => s.Ticket).FirstOrDefaultAsync(cancellationToken);
    }

    public Task RenewAsync(string key, byte[] ticket, DateTime expiresUtc, CancellationToken cancellationToken = default)
    {
        var id = Hash(key);
        return db.Set<AuthSession>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, ticket).SetProperty(x => x.ExpiresUtc, expiresUtc), cancellationToken);
    }

    public Task EndAsync(string key, CancellationToken cancellationToken = default)
    {
        var id = Hash(key);
        return db.Set<AuthSession>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Signs a person out everywhere: after a password change, or with the account.</summary>
    public Task<int> EndAllAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<AuthSession>().Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    /// <summary>The stored sign-ins of a person, by the hash that names each session.</summary>
    public async Task<IReadOnlyList<(string Id, byte[] Ticket)>> TicketsAsync(string userId, CancellationToken cancellationToken = default) =>
        (await db.Set<AuthSession>().AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.Id, s.Ticket }).ToListAsync(cancellationToken))
            .Select(s => (s.Id, s.Ticket)).ToList();

    /// <summary>Replaces what a session says about the person (see <see cref="IStoredSignIns"/>); its key and expiry stay.</summary>
    public Task ReplaceTicketAsync(string id, byte[] ticket, CancellationToken cancellationToken = default) =>
        db.Set<AuthSession>().Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, ticket), cancellationToken);

    public Task<int> CountAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<AuthSession>().CountAsync(s => s.UserId == userId, cancellationToken);

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
