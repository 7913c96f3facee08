using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// The outbox table as the senders see it. Every change is one conditional UPDATE, so senders on
/// several nodes can share the table without sending a message twice.
/// </summary>
internal sealed class OutboxStore(LearnDbContext db)
{
    private DbSet<OutboxMessage> Messages => db.Set<OutboxMessage>();

    /// <summary>
    /// Marks up to <paramref name="batchSize"/> due messages as <paramref name="claim"/>'s until
    /// <paramref name="claimedUntil"/> and returns them.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimAsync(string claim, int batchSize, DateTime now, DateTime claimedUntil, CancellationToken cancellationToken)
    {
        var due = Messages.Where(m => m.SentUtc == null
            && m.NextAttemptUtc <= now
            && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now));
        var batch = due.OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).Take(batchSize).Select(m => m.Id);
        // The outer condition is checked again as each row is written: a row another sender claimed
        // between the choice and the write is left alone.
        var claimed = await due.Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedBy, claim)
            .SetProperty(m => m.ClaimedUntilUtc, claimedUntil), cancellationToken);
        if (claimed == 0) return [];
        return await Messages.AsNoTracking()
            .Where(m => m.ClaimedBy == claim && m.SentUtc == null)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    public Task MarkSentAsync(long id, DateTime sentUtc) =>
        Messages.Where(m => m.Id == id && m.SentUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentUtc, sentUtc)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.NextAttemptUtc, (DateTime?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));

    /// <param name="nextAttemptUtc">Null when the sender gives the message up.</param>
    public Task MarkFailedAsync(long id, int attempts, string error, DateTime? nextAttemptUtc) =>
        Messages.Where(m => m.Id == id && m.SentUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptUtc, nextAttemptUtc)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));

    /// <summary>Gives back what is left of a batch, for another sender or a later round.</summary>
    public Task ReleaseAsync(string claim) =>
        Messages.Where(m => m.ClaimedBy == claim && m.SentUtc == null && m.ClaimedUntilUtc != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));
}
