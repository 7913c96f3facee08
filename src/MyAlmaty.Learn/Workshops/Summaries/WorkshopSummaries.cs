using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Workshops.Summaries;

/// <summary>A published version of an item as the database holds it: what mail about it needs.</summary>
public sealed record PublishedRow<TMetadata>(string Culture, string TranslationKey, string Title, string Slug, TMetadata Metadata);

/// <summary>
/// Which session summaries close a workshop. Pages ask the published catalog; scheduled jobs ask the
/// database, which another node may have written a moment ago while this node's catalog still catches up.
/// </summary>
public static class WorkshopSummaries
{
    /// <summary>The summary of a workshop in <paramref name="culture"/>, or else in the other language; null while none is published.</summary>
    public static PublishedItem? Of(ContentCatalog catalog, string workshopKey, string culture) =>
        InCulture(catalog, workshopKey, culture) ?? InCulture(catalog, workshopKey, Cultures.Other(culture));

    private static PublishedItem? InCulture(ContentCatalog catalog, string workshopKey, string culture) =>
        catalog.OfType(culture, ContentTypeNames.SessionSummary).FirstOrDefault(s => s.MetadataAs<SessionSummaryMetadata>().Workshop == workshopKey);

    /// <summary>The workshop a version of a summary closes, if it names one.</summary>
    public static string? WorkshopOf(ContentItemVersion? summary) =>
        ContentPublication.MetadataOf<SessionSummaryMetadata>(summary)?.Workshop is { Length: > 0 } key ? key : null;

    /// <summary>The published summaries that close the workshop, in every language.</summary>
    public static async Task<IReadOnlyList<PublishedRow<SessionSummaryMetadata>>> PublishedForAsync(LearnDbContext db, string workshopKey, CancellationToken cancellationToken)
    {
        // The key is looked for in the JSON first, so only candidates are read; the metadata then decides.
        var rows = await PublishedAsync<SessionSummaryMetadata>(db, ContentTypeNames.SessionSummary, v => v.Metadata.Contains(workshopKey), cancellationToken);
        return rows.Where(r => r.Metadata.Workshop == workshopKey).ToList();
    }

    /// <summary>The workshop's published versions, in every language it has.</summary>
    public static async Task<IReadOnlyList<PublishedRow<WorkshopMetadata>>> PublishedWorkshopAsync(LearnDbContext db, string workshopKey, CancellationToken cancellationToken) =>
        await PublishedAsync<WorkshopMetadata>(db, WorkshopTypeNames.Workshop, v => v.ContentItem!.TranslationKey == workshopKey, cancellationToken);

    /// <summary>The row in <paramref name="culture"/>, or else the first there is.</summary>
    public static PublishedRow<T>? Prefer<T>(IReadOnlyList<PublishedRow<T>> rows, string culture) =>
        rows.FirstOrDefault(r => r.Culture == culture) ?? rows.FirstOrDefault();

    private static async Task<List<PublishedRow<T>>> PublishedAsync<T>(LearnDbContext db, string type, System.Linq.Expressions.Expression<Func<ContentItemVersion, bool>> filter, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => v.Published && v.ContentItem!.ContentType == type).Where(filter)
            .Select(v => new { v.ContentItem!.Culture, v.ContentItem.TranslationKey, v.Title, v.Slug, v.Metadata })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Culture, StringComparer.Ordinal)
            .Select(r => new PublishedRow<T>(r.Culture, r.TranslationKey, r.Title, r.Slug,
                System.Text.Json.JsonSerializer.Deserialize<T>(r.Metadata, Content.Import.ContentVersionWriter.MetadataJson)!))
            .ToList();
    }
}

/// <summary>Addresses for links in emails: the host knows the site's public address and how a page is opened in Latin letters.</summary>
public interface ISiteLinks
{
    /// <summary>The full address of a page of the site; for a Kazakh reader of Latin letters, one that opens it in them.</summary>
    string Page(string path, bool latin = false);
}
