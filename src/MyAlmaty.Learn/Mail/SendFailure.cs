using MailKit.Net.Smtp;

namespace MyAlmaty.Learn.Mail;

/// <summary>What a failed attempt means for the message: try again later, or never.</summary>
internal sealed record SendFailure(string Error, bool Permanent, bool SuppressRecipient)
{
    public static SendFailure Of(Exception error)
    {
        var text = error is SmtpCommandException smtp
            ? $"{(int)smtp.StatusCode} {smtp.ErrorCode}: {smtp.Message}"
            : $"{error.GetType().Name}: {error.Message}";
        if (text.Length > OutboxMessageConfiguration.MaxErrorLength) text = text[..OutboxMessageConfiguration.MaxErrorLength];

        // A 5xx about the recipient or the message will be the same answer tomorrow. A 5xx to MAIL
        // FROM or to the login is about our own settings, and failing every message for good
        // because a relay password is wrong would lose them all: those wait and are tried again.
        // Only a refused recipient goes on the suppression list; a refused message (554 content)
        // says nothing against the address.
        if (error is SmtpCommandException { StatusCode: var code, ErrorCode: var kind } && (int)code >= 500)
        {
            return kind switch
            {
                SmtpErrorCode.RecipientNotAccepted => new(text, Permanent: true, SuppressRecipient: true),
                SmtpErrorCode.MessageNotAccepted => new(text, Permanent: true, SuppressRecipient: false),
                _ => new(text, Permanent: false, SuppressRecipient: false),
            };
        }
        return new(text, Permanent: false, SuppressRecipient: false);
    }
}
