using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Courses.Certificates;

public enum CertificateStatus
{
    Unknown,
    Valid,
    Revoked,
}

/// <summary>Issues certificates for finished courses and answers whether a code is genuine.</summary>
public sealed class Certificates(LearnDbContext db, TimeProvider clock)
{
    // Crockford's base32 without look-alikes (no I, L, O, U), so a code read aloud or retyped survives.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task<Certificate> IssueAsync(string userId, string courseKey, string culture, string printedName, CancellationToken cancellationToken = default)
    {
        var existing = await db.Set<Certificate>()
            .FirstOrDefaultAsync(c => c.UserId == userId && c.CourseKey == courseKey && c.RevokedUtc == null, cancellationToken);
        if (existing is not null) return existing;
        var certificate = new Certificate
        {
            Code = NewCode(),
            UserId = userId,
            CourseKey = courseKey,
            Culture = culture,
            PrintedName = printedName,
            IssuedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(certificate);
        await db.SaveChangesAsync(cancellationToken);
        return certificate;
    }

    public async Task<(CertificateStatus Status, Certificate? Certificate)> VerifyAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(code);
        var certificate = await db.Set<Certificate>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == normalized, cancellationToken);
        return certificate switch
        {
            null => (CertificateStatus.Unknown, null),
            { RevokedUtc: not null } => (CertificateStatus.Revoked, certificate),
            _ => (CertificateStatus.Valid, certificate),
        };
    }

    public async Task<bool> RevokeAsync(string code, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = Normalize(code);
        return await db.Set<Certificate>().Where(c => c.Code == normalized && c.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedUtc, now), cancellationToken) == 1;
    }

    /// <summary>
    /// Reprints the learner's valid certificates under a new name: the code stays, so every copy
    /// already shared still verifies, and shows the name the learner chose.
    /// </summary>
    public Task<int> RenameAsync(string userId, string printedName, CancellationToken cancellationToken = default) =>
        db.Set<Certificate>().Where(c => c.UserId == userId && c.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PrintedName, printedName), cancellationToken);

    /// <summary>Deletes the person's certificates with their account: their codes no longer verify.</summary>
    public Task<int> DeleteAllAsync(string userId, CancellationToken cancellationToken = default) =>
        db.Set<Certificate>().Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public async Task<IReadOnlyList<Certificate>> OfUserAsync(string userId, CancellationToken cancellationToken = default) =>
        await db.Set<Certificate>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.IssuedUtc).ToListAsync(cancellationToken);

    /// <summary>"ma-7k4q p2xd 9hjm", "MA7K4QP2XD9HJM" and "MA-7K4Q-P2XD-9HJM" are one code; O and I read as 0 and 1.</summary>
    public static string Normalize(string code)
    {
        var letters = new string(code.ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray())
            .Replace('O', '0').Replace('I', '1').Replace('L', '1');
        if (letters.StartsWith("MA", StringComparison.Ordinal)) letters = letters[2..];
        return letters.Length == 12 ? $"MA-{letters[..4]}-{letters[4..8]}-{letters[8..]}" : code.Trim();
    }

    private static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 12);
        var text = new string(chars);
        return $"MA-{text[..4]}-{text[4..8]}-{text[8..]}";
    }
}
