namespace MyAlmaty.Learn.Mail;

/// <summary>Makes the transport that <see cref="MailOptions.Delivery"/> names.</summary>
public sealed class MailTransportFactory(MailOptions options, string pickupDirectory)
{
    /// <summary>The absolute folder that receives .eml files when delivery is Pickup.</summary>
    public string PickupDirectory { get; } = Path.GetFullPath(pickupDirectory);

    public IMailTransport Create() => options.Delivery switch
    {
        MailDelivery.Pickup => new PickupDirectoryTransport(PickupDirectory),
        MailDelivery.Smtp => new SmtpTransport(options.Smtp),
        _ => throw new InvalidOperationException($"Mail delivery '{options.Delivery}' is not supported. Use 'Pickup' or 'Smtp'."),
    };

    /// <summary>Where mail goes, in words for the log.</summary>
    public string Destination => options.Delivery == MailDelivery.Smtp
        ? $"the SMTP server {options.Smtp.Host}:{options.Smtp.Port}"
        : $"the pickup folder {PickupDirectory}";
}
