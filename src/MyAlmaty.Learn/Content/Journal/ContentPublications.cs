using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Journal;

/// <summary>
/// What the public sees of an item changed in a save: <see cref="Now"/> went on the site in place of
/// <see cref="Before"/>. <see cref="Before"/> is null for a first publication, <see cref="Now"/> null when the
/// item was taken off the site or deleted.
/// </summary>
public sealed record ContentPublication(ContentKey Key, ContentItemVersion? Now, ContentItemVersion? Before, string Actor)
{
    /// <summary>A version's metadata as the type's record (e.g. a workshop's time and place).</summary>
    public static T? MetadataOf<T>(ContentItemVersion? version) where T : class =>
        version is null ? null : JsonSerializer.Deserialize<T>(version.Metadata, ContentVersionWriter.MetadataJson);
}

/// <summary>
/// A feature that acts when what the public sees changes: mail to participants, jobs to move. It adds
/// what it causes to <paramref name="db"/> without saving: it is written in the same transaction as the
/// publication (by import, editor, schedule or rollback alike), or not at all. A singleton.
/// </summary>
public interface IContentPublicationHandler
{
    Task OnPublishingAsync(LearnDbContext db, ContentPublication publication, CancellationToken cancellationToken);
}

/// <summary>Finds the publications in a save and hands them to every <see cref="IContentPublicationHandler"/>.</summary>
internal sealed class ContentPublicationDispatcher(IEnumerable<IContentPublicationHandler> handlers) : SaveChangesInterceptor
{
    private readonly IContentPublicationHandler[] _handlers = [.. handlers];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (_handlers.Length > 0 && eventData.Context is LearnDbContext db) DispatchAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_handlers.Length > 0 && eventData.Context is LearnDbContext db) await DispatchAsync(db, cancellationToken);
        return result;
    }

    private async Task DispatchAsync(LearnDbContext db, CancellationToken cancellationToken)
    {
        foreach (var publication in Find(db))
        {
            foreach (var handler in _handlers) await handler.OnPublishingAsync(db, publication, cancellationToken);
        }
    }

    private static List<ContentPublication> Find(LearnDbContext db)
    {
        var publications = new List<ContentPublication>();
        var actors = db.ChangeTracker.Entries<ContentChange>().Where(e => e.State == EntityState.Added)
            .GroupBy(e => e.Entity.Key).ToDictionary(g => g.Key, g => g.Last().Entity.Actor);
        // Versions grouped by their item once, not searched again for every item of a large import.
        var versionsOf = db.ChangeTracker.Entries<ContentItemVersion>().ToLookup(v => (object?)v.Entity.ContentItem ?? v.Entity.ContentItemId);
        foreach (var item in db.ChangeTracker.Entries<ContentItem>().ToList())
        {
            var versions = versionsOf[item.Entity].Concat(item.Entity.Id != 0 ? versionsOf[item.Entity.Id] : []).Distinct().ToList();
            var deleted = item.State == EntityState.Deleted;
            var now = deleted ? null : versions.FirstOrDefault(v => v.Entity.Published && v.State != EntityState.Deleted)?.Entity;
            var before = versions.FirstOrDefault(v => v.State != EntityState.Added && v.Property(x => x.Published).OriginalValue)?.Entity;
            if (now == before) continue;
            var key = ContentKey.Of(item.Entity);
            publications.Add(new ContentPublication(key, now, before, actors.GetValueOrDefault(key) ?? ContentActors.Import));
        }
        return publications;
    }
}
