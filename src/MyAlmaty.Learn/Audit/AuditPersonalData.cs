using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Audit;

/// <summary>
/// The audit trail's part of a person's data. The download holds what was done to their account and
/// when (not by whom: that is a member of staff's id, not theirs). When the account is erased, the
/// entries stay — staff's actions remain accountable: who invited someone, who changed a role — but
/// the person's id in them is replaced by a tombstone, random and the same in all their entries, that
/// leads to nobody: the trail still reads «invited, made an editor, locked» for one account, and no
/// longer says whose. The same goes for entries in which they acted. This is the one change ever made
/// to audit entries, done here and nowhere else.
/// </summary>
public sealed class AuditPersonalData(LearnDbContext db) : IPersonalDataHolder
{
    /// <summary>How a tombstone begins: the audit page shows such an id as a deleted account.</summary>
    public const string TombstonePrefix = "erased-";

    public static bool IsTombstone(string? id) => id is not null && id.StartsWith(TombstonePrefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var entries = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.SubjectId == subject.UserId).OrderBy(e => e.Id)
            .Select(e => new { e.Action, e.Before, e.After, e.CreatedUtc }).ToListAsync(cancellationToken);
        return [new("accountHistory", [.. entries.Select(e => new { Action = e.Action.ToString(), e.Before, e.After, e.CreatedUtc })])];
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var tombstone = TombstonePrefix + Guid.NewGuid().ToString("N");
        // Set-based updates, inside the caller's transaction: the change tracker's guard is for everyone else.
        await db.Set<AuditEntry>().Where(e => e.SubjectId == subject.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.SubjectId, tombstone), cancellationToken);
        await db.Set<AuditEntry>().Where(e => e.ActorId == subject.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorId, tombstone), cancellationToken);
    }
}
