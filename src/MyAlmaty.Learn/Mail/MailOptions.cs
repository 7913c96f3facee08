namespace MyAlmaty.Learn.Mail;

/// <summary>Bound from the "Mail" configuration section.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Pickup (embedded default: .eml files in a folder) or Smtp (a real relay).</summary>
    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;

    /// <summary>The folder for .eml files, relative to the data folder unless absolute.</summary>
    public string PickupPath { get; set; } = "mail-pickup";

    public string From { get; set; } = "noreply@myalmaty.local";
    public string FromName { get; set; } = "МыАлматы";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How many messages one worker claims at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// Sending workers on this node, each with its own connection (MailKit's client is not
    /// thread-safe). Null: 4 for Smtp, 1 for Pickup, where the disk is the limit.
    /// </summary>
    public int? Workers { get; set; }

    /// <summary>A worker opens a new connection after this many messages, so no session grows without end.</summary>
    public int MessagesPerConnection { get; set; } = 1000;

    /// <summary>Messages per minute for all of this node's workers together; 0 is no limit.</summary>
    public int RatePerMinute { get; set; }

    /// <summary>How often a worker looks for due messages when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After this many failed attempts a message is given up with its last error.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Each wait is spread by up to this share either way (0.2 = ±20 %), so that messages that
    /// failed together (a relay down) do not all come back in the same second.
    /// </summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>
    /// How long a claim on a message holds. A worker renews it as it starts each message, and a
    /// send is cut off after half of it, so a live worker never loses a message it is sending; a
    /// dead process's messages go to another worker once it runs out. Short, so that a restarted
    /// node or another node takes over within a minute.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The file that holds the key of the suppression list's hashes, relative to the data folder unless absolute.</summary>
    public string SuppressionKeyPath { get; set; } = "mail-suppression.key";

    public DkimOptions Dkim { get; set; } = new();

    public int WorkerCount => Workers ?? (Delivery == MailDelivery.Smtp ? 4 : 1);

    /// <summary>The wait before attempt number <paramref name="failedAttempts"/> + 1, without jitter.</summary>
    public TimeSpan RetryDelayAfter(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = Math.Min(RetryDelay.Ticks * Math.Pow(2, exponent), MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary><see cref="RetryDelayAfter"/> spread by <see cref="RetryJitter"/>.</summary>
    public TimeSpan JitteredRetryDelayAfter(int failedAttempts, Random random)
    {
        var factor = 1 + RetryJitter * (2 * random.NextDouble() - 1);
        return TimeSpan.FromTicks((long)(RetryDelayAfter(failedAttempts).Ticks * factor));
    }

    /// <summary>Throws naming the setting when one is out of range; called when the feature is registered.</summary>
    public void Validate()
    {
        static void Require(bool ok, string problem)
        {
            if (!ok) throw new InvalidOperationException($"Mail settings: {problem}");
        }
        Require(Workers is null or (>= 1 and <= 64), $"Mail:Workers is {Workers}; use 1 to 64.");
        Require(BatchSize is >= 1 and <= 1000, $"Mail:BatchSize is {BatchSize}; use 1 to 1000.");
        Require(MessagesPerConnection >= 1, $"Mail:MessagesPerConnection is {MessagesPerConnection}; use 1 or more.");
        Require(RatePerMinute >= 0, $"Mail:RatePerMinute is {RatePerMinute}; use 0 (no limit) or more.");
        Require(MaxAttempts >= 1, $"Mail:MaxAttempts is {MaxAttempts}; use 1 or more.");
        Require(RetryJitter is >= 0 and < 1, $"Mail:RetryJitter is {RetryJitter}; use 0 to 0.99.");
        Require(ClaimDuration >= TimeSpan.FromSeconds(2), $"Mail:ClaimDuration is {ClaimDuration}; use 00:00:02 or more.");
        Require(PollInterval > TimeSpan.Zero && RetryDelay > TimeSpan.Zero, "Mail:PollInterval and Mail:RetryDelay must be positive.");
        Dkim.Validate();
    }
}

public enum MailDelivery
{
    Pickup,
    Smtp,
}

/// <summary>The "Mail:Smtp" section: the relay used when <see cref="MailOptions.Delivery"/> is Smtp.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
}

/// <summary>
/// The "Mail:Dkim" section: when all three are set, every message is signed for
/// <see cref="Domain"/>, whose DNS publishes the public key at &lt;Selector&gt;._domainkey.&lt;Domain&gt;.
/// </summary>
public sealed class DkimOptions
{
    public string? Domain { get; set; }
    public string? Selector { get; set; }

    /// <summary>A PEM file with the RSA private key.</summary>
    public string? PrivateKeyPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Domain);

    internal void Validate()
    {
        var set = new[] { Domain, Selector, PrivateKeyPath }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set is not 0 and not 3)
        {
            throw new InvalidOperationException("Mail settings: DKIM needs all of Mail:Dkim:Domain, Mail:Dkim:Selector and Mail:Dkim:PrivateKeyPath, or none.");
        }
        if (set == 3 && !File.Exists(PrivateKeyPath))
        {
            throw new InvalidOperationException($"Mail settings: the DKIM key file '{PrivateKeyPath}' (Mail:Dkim:PrivateKeyPath) does not exist.");
        }
    }
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    /// <summary>SSL on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
}
