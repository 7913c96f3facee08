using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

public enum SuppressionReason
{
    Unsubscribed,
    Bounced,
}

/// <summary>An address that must not be mailed again, kept only as its keyed hash.</summary>
public sealed class MailSuppression
{
    public required string Hash { get; set; }
    public SuppressionReason Reason { get; set; }
    public DateTime CreatedUtc { get; set; }
}

internal sealed class MailSuppressionConfiguration : IEntityTypeConfiguration<MailSuppression>
{
    public void Configure(EntityTypeBuilder<MailSuppression> suppression)
    {
        suppression.ToTable("MailSuppressions");
        suppression.HasKey(s => s.Hash);
        suppression.Property(s => s.Hash).HasMaxLength(64);
        suppression.Property(s => s.Reason).HasConversion<string>().HasMaxLength(20);
    }
}

/// <summary>
/// Addresses that unsubscribed or bounced. Only a keyed hash is stored, never the address, so the list
/// outlives the deletion of the person without keeping who they were: a deleted person is not mailed again.
/// </summary>
public sealed class MailSuppressions(LearnDbContext db, MailSuppressionKey key, TimeProvider clock)
{
    public string HashOf(string email) => key.HashOf(email);

    public Task<bool> IsSuppressedAsync(string email, CancellationToken cancellationToken = default)
    {
        var hash = HashOf(email);
        return db.Set<MailSuppression>().AnyAsync(s => s.Hash == hash, cancellationToken);
    }

    /// <summary>The addresses among <paramref name="emails"/> that are suppressed, as given.</summary>
    public async Task<IReadOnlySet<string>> SuppressedAmongAsync(IEnumerable<string> emails, CancellationToken cancellationToken = default)
    {
        var byHash = emails.Distinct().GroupBy(HashOf).ToDictionary(g => g.Key, g => g.ToList());
        var found = new HashSet<string>();
        foreach (var chunk in byHash.Keys.Chunk(500))
        {
            foreach (var hash in await db.Set<MailSuppression>().AsNoTracking().Where(s => chunk.Contains(s.Hash)).Select(s => s.Hash).ToListAsync(cancellationToken))
            {
                found.UnionWith(byHash[hash]);
            }
        }
        return found;
    }

    /// <summary>Adds the address to the list in <paramref name="db"/> without saving; nothing happens if it is there already.</summary>
    public Task SuppressAsync(string email, SuppressionReason reason, CancellationToken cancellationToken = default) =>
        SuppressHashAsync(HashOf(email), reason, cancellationToken);

    /// <summary>As <see cref="SuppressAsync"/>, for a hash carried by a signed unsubscribe link.</summary>
    public async Task SuppressHashAsync(string hash, SuppressionReason reason, CancellationToken cancellationToken = default)
    {
        if (db.Set<MailSuppression>().Local.Any(s => s.Hash == hash)) return;
        if (await db.Set<MailSuppression>().AnyAsync(s => s.Hash == hash, cancellationToken)) return;
        db.Add(new MailSuppression { Hash = hash, Reason = reason, CreatedUtc = clock.GetUtcNow().UtcDateTime });
    }
}

/// <summary>
/// The key of the suppression hashes: 32 random bytes in a file of the data folder, made on first use. A keyed
/// hash, because a plain SHA-256 of an address is reversed by hashing a list of addresses.
/// </summary>
public sealed class MailSuppressionKey(string dataDirectory)
{
    private readonly Lazy<byte[]> _key = new(() => LoadOrCreate(Path.Combine(dataDirectory, "mail-suppression.key")));

    public string HashOf(string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())));

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllBytes(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(key);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process made it first: theirs is the key.
            return File.ReadAllBytes(path);
        }
    }
}
