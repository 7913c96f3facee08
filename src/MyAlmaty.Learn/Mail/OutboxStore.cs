using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// The outbox table as the workers see it. Every change is one conditional UPDATE, so workers on
/// several nodes can share the table without sending a message twice.
/// </summary>
internal sealed class OutboxStore(LearnDbContext db)
{
    private DbSet<OutboxMessage> Messages => db.Set<OutboxMessage>();

    public LearnDbContext Db => db;

    /// <summary>
    /// Marks up to <paramref name="batchSize"/> due messages as <paramref name="claim"/>'s until
    /// <paramref name="claimedUntil"/> and returns them.
    /// </summary>
    public async Task<List<OutboxMessage>> ClaimAsync(string claim, int batchSize, DateTime now, DateTime claimedUntil, CancellationToken cancellationToken)
    {
        // NextAttemptUtc is null once a message is sent or failed, so those never match.
        var due = Messages.Where(m => m.NextAttemptUtc <= now
            && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now));
        var batch = due.OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).Take(batchSize).Select(m => m.Id);
        // The outer condition is checked again as each row is written: a row another worker claimed
        // between the choice and the write is left alone.
        var claimed = await due.Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedBy, claim)
            .SetProperty(m => m.ClaimedUntilUtc, claimedUntil), cancellationToken);
        if (claimed == 0) return [];
        return await Messages.AsNoTracking()
            .Where(m => m.ClaimedBy == claim && m.SentUtc == null && m.FailedUtc == null)
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Records that an attempt begins and renews the claim for it. False when the claim was lost
    /// (it ran out and another worker took the message): then this worker must not send it.
    /// </summary>
    /// <remarks>
    /// Any other worker that claims a message writes its own claim into ClaimedBy, so a row that
    /// still names ours has been nobody else's since, however late this comes.
    /// </remarks>
    public async Task<bool> StartAttemptAsync(long id, string claim, DateTime now, DateTime claimedUntil) =>
        await Messages.Where(m => m.Id == id && m.ClaimedBy == claim && m.SentUtc == null && m.FailedUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.AttemptStartedUtc, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.ClaimedUntilUtc, claimedUntil)) == 1;

    public Task MarkSentAsync(long id, DateTime sentUtc) =>
        Messages.Where(m => m.Id == id && m.SentUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentUtc, sentUtc)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.NextAttemptUtc, (DateTime?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));

    /// <summary>Keeps the error and schedules the next attempt.</summary>
    public Task MarkRetryAsync(long id, string error, DateTime nextAttemptUtc) =>
        Messages.Where(m => m.Id == id && m.SentUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptUtc, nextAttemptUtc)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));

    /// <summary>Gives the message up with its error; with <paramref name="suppress"/>, the address joins the suppression list in the same transaction.</summary>
    public async Task MarkFailedAsync(long id, string error, DateTime failedUtc, Action<LearnDbContext>? suppress)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Messages.Where(m => m.Id == id && m.SentUtc == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.FailedUtc, failedUtc)
            .SetProperty(m => m.NextAttemptUtc, (DateTime?)null)
            .SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));
        if (suppress is not null)
        {
            suppress(db);
            await db.SaveChangesAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>Gives back what is left of a batch, for another worker or a later round.</summary>
    public Task ReleaseAsync(string claim) =>
        Messages.Where(m => m.ClaimedBy == claim && m.SentUtc == null && m.ClaimedUntilUtc != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntilUtc, (DateTime?)null));
}
