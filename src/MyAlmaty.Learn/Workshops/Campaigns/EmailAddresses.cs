namespace MyAlmaty.Learn.Workshops.Campaigns;

/// <summary>
/// Whether a string is an address we send to: one «@», a local part of the characters RFC 5322 allows unquoted
/// (no dots at its ends or twice in a row), a domain of letters, digits and hyphens with a dot. Stricter than
/// MailAddress, which accepts quoted local parts and comments no campaign list needs.
/// </summary>
public static class EmailAddresses
{
    private const string LocalSpecials = ".!#$%&'*+/=?^_`{|}~-";

    /// <summary>The upper-invariant form every table of the site finds an address by.</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    public static string? Problem(string email)
    {
        var at = email.IndexOf('@');
        if (email.Length > 254 || at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1) return CampaignMessages.BadAddress;
        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..")) return CampaignMessages.BadAddress;
        if (!local.All(c => char.IsAsciiLetterOrDigit(c) || LocalSpecials.Contains(c))) return CampaignMessages.BadAddress;
        var labels = domain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63 || l.StartsWith('-') || l.EndsWith('-') || !l.All(c => char.IsLetterOrDigit(c) || c == '-')))
        {
            return CampaignMessages.BadAddress;
        }
        return labels[^1].Length >= 2 && labels[^1].All(char.IsLetter) || labels[^1].StartsWith("xn--", StringComparison.Ordinal) ? null : CampaignMessages.BadAddress;
    }
}
