using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// The addresses that must not be mailed again (unsubscribed, bounced). Only a keyed hash of each
/// address is kept, so the list survives the erasure of the person without holding their address.
/// Campaigns ask it before they enqueue; the outbox itself still sends what it is given, because
/// a sign-in link the person asked for must reach them even after they unsubscribed from news.
/// </summary>
public sealed class MailSuppressions(LearnDbContext db, MailSuppressionKey key, TimeProvider time)
{
    // SQLite allows 32,766 parameters per statement; a chunk stays far below any provider's limit.
    private const int ChunkSize = 500;

    /// <summary>The hash the list keeps for <paramref name="email"/>: HMAC-SHA256 of the trimmed, upper-case address, lower-case hex.</summary>
    public string HashOf(string email) => key.HashOf(email);

    public Task<bool> IsSuppressedAsync(string email, CancellationToken cancellationToken)
    {
        var hash = HashOf(email);
        return db.Set<MailSuppression>().AnyAsync(s => s.AddressHash == hash, cancellationToken);
    }

    /// <summary>Those of <paramref name="emails"/> that are suppressed, as given.</summary>
    public async Task<IReadOnlySet<string>> SuppressedAmongAsync(IEnumerable<string> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var byHash = emails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct()
            .GroupBy(HashOf).ToDictionary(g => g.Key, g => g.ToList());
        var suppressed = new HashSet<string>();
        foreach (var chunk in byHash.Keys.Chunk(ChunkSize))
        {
            var found = await db.Set<MailSuppression>().AsNoTracking()
                .Where(s => chunk.Contains(s.AddressHash)).Select(s => s.AddressHash).Distinct()
                .ToListAsync(cancellationToken);
            foreach (var hash in found) suppressed.UnionWith(byHash[hash]);
        }
        return suppressed;
    }

    /// <summary>
    /// Adds <paramref name="email"/> to <paramref name="db"/> without saving, so it is written with
    /// whatever caused it. Suppressing an address twice, here or in another request, is harmless.
    /// </summary>
    public void Suppress(LearnDbContext db, string email, SuppressionReason reason) => SuppressHash(db, HashOf(email), reason);

    /// <summary>As <see cref="Suppress"/>, for the hash a signed unsubscribe link carries instead of the address.</summary>
    public void SuppressHash(LearnDbContext db, string hash, SuppressionReason reason)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = db.Set<MailSuppression>();
        if (rows.Local.Any(s => s.AddressHash == hash && s.Reason == reason)) return;
        rows.Add(new MailSuppression { AddressHash = hash, Reason = reason, CreatedUtc = time.GetUtcNow().UtcDateTime });
    }
}
