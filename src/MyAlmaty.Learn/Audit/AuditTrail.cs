using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MyAlmaty.Learn.Audit;

/// <summary>Writes audit entries beside the change they describe, to be saved with it.</summary>
public static class AuditTrail
{
    /// <summary>Adds an entry; saved (and committed) with the caller's change, or not at all.</summary>
    public static AuditEntry Record(DbContext db, AuditAction action, string actorId, string? subjectId, DateTime nowUtc,
        string? before = null, string? after = null, string? note = null)
    {
        var entry = new AuditEntry
        {
            Action = action,
            ActorId = actorId,
            SubjectId = subjectId,
            Before = before,
            After = after,
            Note = note,
            CreatedUtc = nowUtc,
        };
        db.Add(entry);
        return entry;
    }
}

/// <summary>
/// Keeps the audit trail append-only: a save that would change or delete an entry is refused, whoever
/// asks. No endpoint offers either; this makes sure no later code path can quietly do it.
/// </summary>
internal sealed class AuditTrailGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Check(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbContext? db)
    {
        if (db is null) return;
        if (db.ChangeTracker.Entries<AuditEntry>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } changed)
        {
            throw new InvalidOperationException($"The audit trail is append-only: entry {changed.Entity.Id} cannot be {(changed.State == EntityState.Deleted ? "deleted" : "changed")}.");
        }
    }
}
