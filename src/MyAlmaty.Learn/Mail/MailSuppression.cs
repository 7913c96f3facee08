namespace MyAlmaty.Learn.Mail;

/// <summary>
/// An address that must not be mailed again, kept only as a keyed hash: it outlives the person's
/// erasure without keeping their address. An address may have several rows (unsubscribed, later
/// bounced); any row suppresses it.
/// </summary>
public sealed class MailSuppression
{
    public long Id { get; set; }

    /// <summary>HMAC-SHA256 of the trimmed, upper-case address, lower-case hex; see <see cref="MailSuppressions.HashOf"/>.</summary>
    public required string AddressHash { get; set; }

    public SuppressionReason Reason { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public enum SuppressionReason
{
    /// <summary>The person asked for no more mail.</summary>
    Unsubscribed,
    /// <summary>The recipient's server refused the address for good (a 5xx reply).</summary>
    Bounced,
}
