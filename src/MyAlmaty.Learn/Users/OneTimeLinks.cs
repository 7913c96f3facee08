using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

public enum LinkFailure
{
    None,
    Unknown,
    Expired,
    AlreadyUsed,

    /// <summary>The link is good, but staff have locked the account it signs in to; the link is kept.</summary>
    AccountLocked,
}

public sealed record LinkRedemption(LinkFailure Failure, OneTimeLink? Link)
{
    public bool Succeeded => Failure == LinkFailure.None;
}

/// <summary>Creates one-time links and redeems each exactly once, even when two requests race.</summary>
public sealed class OneTimeLinks(LearnDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan SetupLifetime = TimeSpan.FromHours(24);

    /// <summary>An invitation waits longer than a link one asked for: the invitee may be away for days.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);

    /// <summary>Adds a link to the context (the caller saves it with the email that carries it) and returns its token.</summary>
    public string Create(string email, LinkPurpose purpose, string culture, string? returnPath = null)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OneTimeLink
        {
            TokenHash = Hash(token),
            Email = email,
            Purpose = purpose,
            Culture = culture,
            ReturnPath = returnPath,
            CreatedUtc = now,
            ExpiresUtc = now + LifetimeOf(purpose),
        });
        return token;
    }

    public static TimeSpan LifetimeOf(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Setup => SetupLifetime,
        LinkPurpose.Invitation => InvitationLifetime,
        _ => Lifetime,
    };

    /// <summary>Whether the token is a live link of the purpose, without using it up.</summary>
    public async Task<LinkRedemption> PeekAsync(string token, LinkPurpose purpose, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var link = await db.Set<OneTimeLink>().AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == purpose, cancellationToken);
        return new LinkRedemption(Check(link), link);
    }

    /// <summary>Uses the link up. The conditional update makes a second use fail even at the same instant.</summary>
    public async Task<LinkRedemption> RedeemAsync(string token, LinkPurpose purpose, CancellationToken cancellationToken = default)
    {
        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<OneTimeLink>()
            .Where(l => l.TokenHash == hash && l.Purpose == purpose && l.UsedUtc == null && l.ExpiresUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedUtc, now), cancellationToken);
        var link = await db.Set<OneTimeLink>().AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == purpose, cancellationToken);
        return claimed == 1 ? new LinkRedemption(LinkFailure.None, link) : new LinkRedemption(Check(link) is var f && f == LinkFailure.None ? LinkFailure.AlreadyUsed : f, link);
    }

    private LinkFailure Check(OneTimeLink? link) => link switch
    {
        null => LinkFailure.Unknown,
        { UsedUtc: not null } => LinkFailure.AlreadyUsed,
        _ when link.ExpiresUtc <= clock.GetUtcNow().UtcDateTime => LinkFailure.Expired,
        _ => LinkFailure.None,
    };

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
