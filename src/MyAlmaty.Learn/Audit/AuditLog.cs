using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Audit;

/// <summary>
/// What the audit trail is asked for. A null list of operations or actions means all of them, an
/// empty one none. Filters by item (type, culture, key) concern content only, a filter by the person
/// acted on people events only.
/// </summary>
public sealed record AuditQuery
{
    public IReadOnlyCollection<ContentOperation>? Operations { get; init; }
    public IReadOnlyCollection<AuditAction>? Actions { get; init; }

    /// <summary>Whether people events are shown at all: only to those who may manage people.</summary>
    public bool IncludePeople { get; init; }

    public string? Actor { get; init; }
    public string? Subject { get; init; }
    public string? ContentType { get; init; }
    public string? Culture { get; init; }

    /// <summary>Part of an item's key.</summary>
    public string? Key { get; init; }

    /// <summary>From this moment on (inclusive).</summary>
    public DateTime? FromUtc { get; init; }

    /// <summary>Before this moment (exclusive).</summary>
    public DateTime? ToUtc { get; init; }

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
}

/// <summary>One line of the trail: a content journal entry or an audit entry.</summary>
public sealed class AuditRow
{
    public bool People { get; init; }
    public long Id { get; init; }
    public ContentOperation? Operation { get; init; }
    public AuditAction? Action { get; init; }
    public string Actor { get; init; } = "";
    public string? Subject { get; init; }
    public string? Culture { get; init; }
    public string? ContentType { get; init; }
    public string? TranslationKey { get; init; }
    public int? Version { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Note { get; init; }
    public DateTime CreatedUtc { get; init; }
}

public sealed record AuditPage(IReadOnlyList<AuditRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The audit trail as one chronological list: the content journal (every operation on content, by
/// editors, the import and the schedule) and the audit entries about people, newest first, filtered
/// and a page at a time. One UNION of the two tables' keys and times picks the page — only plain
/// columns, so every provider reads it alike — then each table gives its rows by id.
/// </summary>
public sealed class AuditLog(LearnDbContext db)
{
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var content = Changes(query);
        var people = Entries(query);
        var total = (content is null ? 0 : await content.CountAsync(cancellationToken)) + (people is null ? 0 : await people.CountAsync(cancellationToken));
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pages);
        var contentKeys = content?.Select(c => new RowKey { People = false, Id = c.Id, CreatedUtc = c.CreatedUtc });
        var peopleKeys = people?.Select(e => new RowKey { People = true, Id = e.Id, CreatedUtc = e.CreatedUtc });
        var both = contentKeys is not null && peopleKeys is not null ? contentKeys.Concat(peopleKeys) : contentKeys ?? peopleKeys;
        if (both is null) return new AuditPage([], total, page, pageSize);
        var keys = await both
            .OrderByDescending(k => k.CreatedUtc).ThenByDescending(k => k.People).ThenByDescending(k => k.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);

        var changeIds = keys.Where(k => !k.People).Select(k => k.Id).ToList();
        var entryIds = keys.Where(k => k.People).Select(k => k.Id).ToList();
        var changes = changeIds.Count == 0 ? [] : await db.Set<ContentChange>().AsNoTracking().Where(c => changeIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var entries = entryIds.Count == 0 ? [] : await db.Set<AuditEntry>().AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        var rows = keys.Select(k => k.People ? RowOf(entries[k.Id]) : RowOf(changes[k.Id])).ToList();
        return new AuditPage(rows, total, page, pageSize);
    }

    /// <summary>Everyone who appears as an actor: editors, the import and the schedule; staff too when people events are shown.</summary>
    public async Task<IReadOnlyList<string>> ActorsAsync(bool includePeople, CancellationToken cancellationToken = default)
    {
        var actors = await db.Set<ContentChange>().AsNoTracking().Select(c => c.Actor).Distinct().ToListAsync(cancellationToken);
        if (includePeople) actors.AddRange(await db.Set<AuditEntry>().AsNoTracking().Select(e => e.ActorId).Distinct().ToListAsync(cancellationToken));
        return actors.Distinct(StringComparer.Ordinal).ToList();
    }

    private IQueryable<ContentChange>? Changes(AuditQuery query)
    {
        if (query.Operations is { Count: 0 } || query.Subject is not null) return null;
        var changes = db.Set<ContentChange>().AsNoTracking();
        if (query.Operations is { } operations) changes = changes.Where(c => operations.Contains(c.Operation));
        if (query.Actor is { } actor) changes = changes.Where(c => c.Actor == actor);
        if (query.ContentType is { } type) changes = changes.Where(c => c.ContentType == type);
        if (query.Culture is { } culture) changes = changes.Where(c => c.Culture == culture);
        if (query.Key is { } key) changes = changes.Where(c => c.TranslationKey.Contains(key));
        if (query.FromUtc is { } from) changes = changes.Where(c => c.CreatedUtc >= from);
        if (query.ToUtc is { } to) changes = changes.Where(c => c.CreatedUtc < to);
        return changes;
    }

    private IQueryable<AuditEntry>? Entries(AuditQuery query)
    {
        if (!query.IncludePeople || query.Actions is { Count: 0 } || query.ContentType is not null || query.Culture is not null || query.Key is not null) return null;
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (query.Actions is { } actions) entries = entries.Where(e => actions.Contains(e.Action));
        if (query.Actor is { } actor) entries = entries.Where(e => e.ActorId == actor);
        if (query.Subject is { } subject) entries = entries.Where(e => e.SubjectId == subject);
        if (query.FromUtc is { } from) entries = entries.Where(e => e.CreatedUtc >= from);
        if (query.ToUtc is { } to) entries = entries.Where(e => e.CreatedUtc < to);
        return entries;
    }

    private static AuditRow RowOf(ContentChange c) => new()
    {
        People = false,
        Id = c.Id,
        Operation = c.Operation,
        Actor = c.Actor,
        Culture = c.Culture,
        ContentType = c.ContentType,
        TranslationKey = c.TranslationKey,
        Version = c.VersionNumber,
        Note = c.Note,
        CreatedUtc = c.CreatedUtc,
    };

    private static AuditRow RowOf(AuditEntry e) => new()
    {
        People = true,
        Id = e.Id,
        Action = e.Action,
        Actor = e.ActorId,
        Subject = e.SubjectId,
        Before = e.Before,
        After = e.After,
        Note = e.Note,
        CreatedUtc = e.CreatedUtc,
    };

    /// <summary>Where a line of the page comes from: which table, which row, and its time to sort by.</summary>
    private sealed class RowKey
    {
        public bool People { get; init; }
        public long Id { get; init; }
        public DateTime CreatedUtc { get; init; }
    }
}
