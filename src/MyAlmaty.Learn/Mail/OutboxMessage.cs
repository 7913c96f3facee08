using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// One email waiting in (or gone from) the outbox. It is written in the same transaction as what
/// caused it and sent later by an <see cref="OutboxSender"/>.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>
    /// The Message-ID header, without angle brackets. A message sent, then sent again because the
    /// sender died before marking it, carries the same id both times, so the copy is recognisable.
    /// </summary>
    public required string MessageId { get; set; }

    public required string To { get; set; }
    public string? ToName { get; set; }
    public required string Culture { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }

    /// <summary>Extra MIME parts (calendar invitations, attachments): a JSON list of <see cref="MailPart"/>.</summary>
    public string? Parts { get; set; }

    /// <summary>Extra headers such as List-Unsubscribe: a JSON object of names to values.</summary>
    public string? Headers { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Attempts made so far, whether they failed or not.</summary>
    public int Attempts { get; set; }

    /// <summary>When the message may next be tried; null once it is sent or failed.</summary>
    public DateTime? NextAttemptUtc { get; set; }

    /// <summary>
    /// When the last attempt began: set just before the message is handed to the server. After a
    /// crash, a message with this set and no <see cref="SentUtc"/> may or may not have arrived; it
    /// is sent again, with the same Message-ID.
    /// </summary>
    public DateTime? AttemptStartedUtc { get; set; }

    /// <summary>When the server accepted the message.</summary>
    public DateTime? SentUtc { get; set; }

    /// <summary>
    /// When the message was given up: refused for good (a 5xx reply about the recipient or the
    /// message) or out of attempts. <see cref="LastError"/> says why.
    /// </summary>
    public DateTime? FailedUtc { get; set; }

    public string? LastError { get; set; }

    /// <summary>The batch claim of the sender that is working on the message.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds; after it another sender may take the message.</summary>
    public DateTime? ClaimedUntilUtc { get; set; }
}

/// <summary>Wakes this process's sender when a message was enqueued here.</summary>
internal sealed class OutboxSignal : WakeUpSignal;
