namespace MyAlmaty.Learn.Mail;

/// <summary>An email as its author means it; <see cref="IMailOutbox.Enqueue"/> turns it into an outbox row.</summary>
/// <param name="Culture">"ru" or "kk": the language the message is written in.</param>
public sealed record OutgoingMail(string To, string? ToName, string Culture, string Subject, string Html, string Text)
{
    /// <summary>Parts beyond the text and HTML bodies, such as a calendar invitation.</summary>
    public IReadOnlyList<MailPart> Parts { get; init; } = [];

    /// <summary>Extra headers such as List-Unsubscribe. Headers the outbox sets itself are refused.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The local part of the Message-ID, chosen by the caller so that the same mail is never
    /// enqueued twice (e.g. "invitation-42-r3"); letters, digits, '.', '_' and '-', at most 150.
    /// The outbox appends "@" and the sender's domain. Null: a new random id.
    /// </summary>
    public string? MessageId { get; init; }
}

/// <summary>
/// One extra MIME part. Text parts keep their text (a calendar stays readable in the database);
/// binary parts carry bytes, stored as base64.
/// </summary>
/// <param name="ContentType">The full Content-Type, parameters included, e.g. "text/calendar; method=REQUEST; charset=UTF-8".</param>
public sealed record MailPart(string ContentType, MailPartPlacement Placement, string? FileName = null, string? Text = null, byte[]? Content = null)
{
    /// <summary>Another rendering of the message body, e.g. the text/calendar part of an invitation.</summary>
    public static MailPart Alternative(string contentType, string text) =>
        new(contentType, MailPartPlacement.Alternative, Text: text);

    public static MailPart Attachment(string fileName, string contentType, string text) =>
        new(contentType, MailPartPlacement.Attachment, fileName, Text: text);

    public static MailPart Attachment(string fileName, string contentType, byte[] content) =>
        new(contentType, MailPartPlacement.Attachment, fileName, Content: content);
}

public enum MailPartPlacement
{
    /// <summary>Inside multipart/alternative, after the text and HTML bodies.</summary>
    Alternative,
    /// <summary>Beside the body in multipart/mixed, as a file.</summary>
    Attachment,
}
