using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace MyAlmaty.Learn.Workshops;

/// <summary>What a signed workshop link is for; a token made for one purpose is forged for every other.</summary>
public enum WorkshopLink
{
    /// <summary>Answer an invitation: names the invitation.</summary>
    Rsvp,

    /// <summary>The ticket shown at the door: names the registration.</summary>
    Ticket,

    /// <summary>Give up a place or a waiting position: names the registration.</summary>
    Cancel,

    /// <summary>Stop all workshop mail to an address: carries the address's suppression hash, never the address.</summary>
    Unsubscribe,
}

public enum TokenState
{
    Valid,
    Expired,

    /// <summary>Not one of ours, altered, cut short, or made for another purpose.</summary>
    Forged,
}

/// <param name="Subject">What the link names (a row id, a hash); empty unless <see cref="State"/> is Valid or Expired.</param>
public sealed record TokenReading(TokenState State, string Subject)
{
    public bool IsValid => State == TokenState.Valid;

    /// <summary>The subject as a row id, or null when it is not one.</summary>
    public long? Id => long.TryParse(Subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>
/// Signed (and encrypted) links that need no sign-in: RSVP, ticket, cancel, unsubscribe. The payload is
/// the subject and an expiry, protected by the site's data-protection keys, so a link carries no address
/// and cannot be made up; an expired link is told apart from a forged one to answer each clearly.
/// </summary>
public sealed class WorkshopTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    public string Create(WorkshopLink purpose, string subject, DateTime? expiresUtc)
    {
        var expiry = expiresUtc?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "";
        return Protector(purpose).Protect($"{expiry}|{subject}");
    }

    public string Create(WorkshopLink purpose, long id, DateTime? expiresUtc) =>
        Create(purpose, id.ToString(CultureInfo.InvariantCulture), expiresUtc);

    public TokenReading Read(WorkshopLink purpose, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000) return new(TokenState.Forged, "");
        string payload;
        try
        {
            payload = Protector(purpose).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return new(TokenState.Forged, "");
        }
        var bar = payload.IndexOf('|');
        if (bar < 0) return new(TokenState.Forged, "");
        var subject = payload[(bar + 1)..];
        if (bar == 0) return new(TokenState.Valid, subject);
        if (!long.TryParse(payload.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)) return new(TokenState.Forged, "");
        return new(ticks > clock.GetUtcNow().UtcDateTime.Ticks ? TokenState.Valid : TokenState.Expired, subject);
    }

    // String-based Protect/Unprotect use base64url already; the purpose string keeps the kinds apart.
    private IDataProtector Protector(WorkshopLink purpose) => protection.CreateProtector("MyAlmaty.Learn.Workshops", purpose.ToString());
}
