using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

public interface IMailOutbox
{
    /// <summary>
    /// Adds <paramref name="mail"/> to <paramref name="db"/> without saving: the caller's
    /// SaveChanges writes it in the same transaction as whatever caused it, or not at all.
    /// Throws <see cref="ArgumentException"/> naming the problem when the mail cannot be sent, and
    /// <see cref="DuplicateMessageIdException"/> when its chosen Message-ID is already in the outbox.
    /// </summary>
    OutboxMessage Enqueue(LearnDbContext db, OutgoingMail mail);
}

public sealed partial class MailOutbox(MailOptions options, TimeProvider time) : IMailOutbox
{
    // Headers the outbox writes itself; letting a caller set them would make two of each.
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Language",
    };

    private readonly string _messageIdDomain = MailboxAddress.Parse(options.From).Domain;

    public OutboxMessage Enqueue(LearnDbContext db, OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(mail);
        var to = ParseAddress(mail.To);
        Require(!string.IsNullOrWhiteSpace(mail.Culture) && mail.Culture.Length <= 8, $"Culture '{mail.Culture}' is not a culture name.");
        Require(!string.IsNullOrWhiteSpace(mail.Subject), "The subject is empty.");
        Require(!HasLineBreak(mail.Subject) && !HasLineBreak(mail.ToName), "The subject and the recipient's name must be one line each.");
        Require(mail.Subject.Length <= 500 && (mail.ToName?.Length ?? 0) <= 200, "The subject (500 characters) or the recipient's name (200) is too long.");
        Require(!string.IsNullOrWhiteSpace(mail.Text), "The text body is empty: every message needs one for mail programs that show no HTML.");
        foreach (var part in mail.Parts) CheckPart(part);
        foreach (var (name, value) in mail.Headers) CheckHeader(name, value);
        var messageId = mail.MessageId is null ? $"{Guid.NewGuid():N}@{_messageIdDomain}" : ChosenMessageId(db, mail.MessageId);

        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = messageId,
            To = to,
            ToName = string.IsNullOrWhiteSpace(mail.ToName) ? null : mail.ToName.Trim(),
            Culture = mail.Culture,
            Subject = mail.Subject,
            HtmlBody = mail.Html ?? throw new ArgumentException("The HTML body is missing."),
            TextBody = mail.Text,
            Parts = OutboxPayload.WriteParts(mail.Parts),
            Headers = OutboxPayload.WriteHeaders(mail.Headers),
            CreatedUtc = now,
            NextAttemptUtc = now,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    private static string ParseAddress(string address)
    {
        if (MailboxAddress.TryParse(address, out var parsed)
            && string.IsNullOrEmpty(parsed.Name)
            && parsed.Address.Contains('@')
            && parsed.Domain.Length > 0
            && parsed.Address.Length <= 320)
        {
            return parsed.Address;
        }
        throw new ArgumentException($"'{address}' is not an email address.");
    }

    private string ChosenMessageId(LearnDbContext db, string localPart)
    {
        Require(LocalPart().IsMatch(localPart), $"The Message-ID '{localPart}' may hold only letters, digits, '.', '_' and '-', at most 150 of them.");
        var messageId = $"{localPart}@{_messageIdDomain}";
        // Asked here, not left to the unique index, so that the caller learns which mail it is
        // enqueuing twice rather than getting a constraint error from its SaveChanges. Two requests
        // racing past this check still meet the index.
        var messages = db.Set<OutboxMessage>();
        if (messages.Local.Any(m => m.MessageId == messageId) || messages.AsNoTracking().Any(m => m.MessageId == messageId))
        {
            throw new DuplicateMessageIdException(messageId);
        }
        return messageId;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,150}$")]
    private static partial Regex LocalPart();

    private static void CheckPart(MailPart part)
    {
        Require(ContentType.TryParse(part.ContentType, out _), $"The part's Content-Type '{part.ContentType}' cannot be parsed.");
        Require(part.Text is null != part.Content is null, $"The {part.ContentType} part needs either text or bytes, not both or neither.");
        Require(part.Placement != MailPartPlacement.Attachment || !string.IsNullOrWhiteSpace(part.FileName), $"The {part.ContentType} attachment has no file name.");
    }

    private static void CheckHeader(string name, string value)
    {
        var wellFormed = name.Length > 0 && name.All(c => c > ' ' && c < 127 && c != ':');
        Require(wellFormed, $"'{name}' is not a header name.");
        Require(!ReservedHeaders.Contains(name) && !name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase), $"The header {name} is set by the outbox itself.");
        Require(!HasLineBreak(value), $"The value of {name} must be one line.");
    }

    private static bool HasLineBreak(string? text) => text is not null && text.AsSpan().IndexOfAny('\r', '\n') >= 0;

    private static void Require(bool condition, string problem)
    {
        if (!condition) throw new ArgumentException(problem);
    }
}

/// <summary>A mail was enqueued with a Message-ID that the outbox already holds: it would be the same mail twice.</summary>
public sealed class DuplicateMessageIdException(string messageId)
    : InvalidOperationException($"A message with the Message-ID <{messageId}> is already in the outbox; it is not enqueued twice.")
{
    public string MessageId { get; } = messageId;
}
