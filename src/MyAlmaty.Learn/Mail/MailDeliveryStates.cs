using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

public enum MailDeliveryStatus
{
    Queued,
    Sent,

    /// <summary>Refused for good, or given up after every attempt.</summary>
    Failed,
}

/// <param name="Error">The server's last answer when it failed or is being retried.</param>
public sealed record MailDeliveryState(MailDeliveryStatus State, DateTime? SentUtc, string? Error);

/// <summary>What became of messages in the outbox, for features that show it (e.g. a campaign's recipients).</summary>
public sealed class MailDeliveryStates(LearnDbContext db)
{
    public async Task<IReadOnlyDictionary<long, MailDeliveryState>> OfAsync(IEnumerable<long> outboxIds, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<long, MailDeliveryState>();
        foreach (var chunk in outboxIds.Distinct().Chunk(500))
        {
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => chunk.Contains(m.Id))
                .Select(m => new { m.Id, m.SentUtc, m.NextAttemptUtc, m.LastError }).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var state = row.SentUtc is not null ? MailDeliveryStatus.Sent : row.NextAttemptUtc is null ? MailDeliveryStatus.Failed : MailDeliveryStatus.Queued;
                result[row.Id] = new MailDeliveryState(state, row.SentUtc, row.LastError);
            }
        }
        return result;
    }
}
