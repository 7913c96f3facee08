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

    /// <summary>How many messages one sender claims at a time.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How often a sender looks for due messages when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>After this many failed attempts a message is left with its last error and not tried again.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a claimed batch belongs to its sender. A sender that dies keeps its messages
    /// only this long; a live one stops sending from a batch whose claim has run out.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before attempt number <paramref name="failedAttempts"/> + 1.</summary>
    public TimeSpan RetryDelayAfter(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ticks = Math.Min(RetryDelay.Ticks * Math.Pow(2, exponent), MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
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

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    /// <summary>SSL on connect for port 465, STARTTLS when the server offers it otherwise.</summary>
    Auto,
}
