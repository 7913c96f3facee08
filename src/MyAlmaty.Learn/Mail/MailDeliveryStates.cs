using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>What became of enqueued messages, for features that show it (an invitation's status);
/// they ask here instead of reading the outbox table.</summary>
public sealed class MailDeliveryStates(LearnDbContext db)
{
    private const int ChunkSize = 500;

    /// <summary>
    /// The state of each of <paramref name="outboxIds"/> (<see cref="OutboxMessage.Id"/>, as
    /// <see cref="IMailOutbox.Enqueue"/> returned it). An id that is not in the outbox, because it
    /// never was or the person's data was erased, is absent from the answer.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, MailDeliveryState>> OfAsync(IEnumerable<long> outboxIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outboxIds);
        var states = new Dictionary<long, MailDeliveryState>();
        foreach (var chunk in outboxIds.Distinct().Chunk(ChunkSize))
        {
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => chunk.Contains(m.Id))
                .Select(m => new { m.Id, m.SentUtc, m.FailedUtc, m.Attempts, m.LastError })
                .ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var status = row.SentUtc is not null ? MailDeliveryStatus.Sent
                    : row.FailedUtc is not null ? MailDeliveryStatus.Failed
                    : MailDeliveryStatus.Queued;
                states[row.Id] = new MailDeliveryState(status, row.SentUtc ?? row.FailedUtc, row.Attempts, row.LastError);
            }
        }
        return states;
    }
}

/// <param name="SinceUtc">When it was sent or given up; null while queued.</param>
/// <param name="LastError">The last refusal or error, also while a queued message waits to be tried again.</param>
public sealed record MailDeliveryState(MailDeliveryStatus Status, DateTime? SinceUtc, int Attempts, string? LastError);

public enum MailDeliveryStatus
{
    /// <summary>Waiting, being sent, or waiting to be tried again after a temporary failure.</summary>
    Queued,
    /// <summary>Accepted by the server.</summary>
    Sent,
    /// <summary>Refused for good or given up after the last attempt; not tried again.</summary>
    Failed,
}
