using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Editing;

/// <summary>Where an item stands, from its newest version.</summary>
public enum ContentStatus
{
    /// <summary>The newest version is the one on the site.</summary>
    Published,

    /// <summary>A newer draft waits over the version on the site.</summary>
    Draft,

    /// <summary>Nothing of it is on the site.</summary>
    Unpublished,
}

public enum ContentSort
{
    Updated,
    Title,
    Type,
}

/// <summary>What the content list is asked for. <see cref="Keys"/> (in order) narrows it to the hits of a search.</summary>
public sealed record ContentListQuery
{
    public IReadOnlyCollection<string> Types { get; init; } = [];
    public string? Culture { get; init; }
    public ContentStatus? Status { get; init; }
    public string? Author { get; init; }
    public ContentSort Sort { get; init; } = ContentSort.Updated;
    public bool Descending { get; init; } = true;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;
    public IReadOnlyList<ContentKey>? Keys { get; init; }
}

public sealed record ContentListRow(ContentKey Key, string Title, int Number, ContentStatus Status, string Author, DateTime UpdatedUtc, string? SourcePath);

/// <summary>The newest or published version of an item (or both: one row each), with its text.</summary>
public sealed record ContentBodyRow(ContentKey Key, string Title, int Number, bool Latest, bool Published, string Body);

public sealed record ContentListPage(IReadOnlyList<ContentListRow> Rows, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The editors' list of content: every item by its newest version, filtered, sorted and a page at a
/// time, in two indexed queries (a count and a page).
/// </summary>
public sealed class ContentList(LearnDbContext db, Types.ContentTypeRegistry types)
{
    public async Task<ContentListPage> QueryAsync(ContentListQuery query, CancellationToken cancellationToken = default)
    {
        var versions = db.Set<ContentItemVersion>().AsNoTracking().Where(v => v.Latest);
        // Every type asked for is no filter: the list then reads the newest versions in the order of their index.
        if (query.Types.Count > 0 && !types.Names.All(query.Types.Contains)) versions = versions.Where(v => query.Types.Contains(v.ContentItem!.ContentType));
        if (query.Culture is { } culture) versions = versions.Where(v => v.ContentItem!.Culture == culture);
        if (query.Author is { } author) versions = versions.Where(v => v.Author == author);
        versions = query.Status switch
        {
            ContentStatus.Published => versions.Where(v => v.Published),
            ContentStatus.Draft => versions.Where(v => !v.Published && db.Set<ContentItemVersion>().Any(o => o.ContentItemId == v.ContentItemId && o.Published)),
            ContentStatus.Unpublished => versions.Where(v => !v.Published && !db.Set<ContentItemVersion>().Any(o => o.ContentItemId == v.ContentItemId && o.Published)),
            _ => versions,
        };
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        if (query.Keys is { } keys)
        {
            // A search's hits, in their order: few enough to match in memory.
            var wanted = keys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => p.i);
            var translationKeys = keys.Select(k => k.TranslationKey).Distinct().ToList();
            var candidates = (await Rows(versions.Where(v => translationKeys.Contains(v.ContentItem!.TranslationKey)), withId: false).ToListAsync(cancellationToken)).Select(r => r.Row).ToList();
            var hits = candidates.Where(r => wanted.ContainsKey(r.Key)).OrderBy(r => wanted[r.Key]).ToList();
            var page = Math.Clamp(query.Page, 1, Math.Max(1, (hits.Count + pageSize - 1) / pageSize));
            return new ContentListPage(hits.Skip((page - 1) * pageSize).Take(pageSize).ToList(), hits.Count, page, pageSize);
        }

        var total = await versions.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        var number = Math.Clamp(query.Page, 1, pages);
        var ordered = (query.Sort, query.Descending) switch
        {
            (ContentSort.Title, false) => versions.OrderBy(v => v.TitleKey).ThenBy(v => v.Id),
            (ContentSort.Title, true) => versions.OrderByDescending(v => v.TitleKey).ThenByDescending(v => v.Id),
            (ContentSort.Type, false) => versions.OrderBy(v => v.ContentItem!.ContentType).ThenBy(v => v.TitleKey),
            (ContentSort.Type, true) => versions.OrderByDescending(v => v.ContentItem!.ContentType).ThenByDescending(v => v.TitleKey),
            (_, false) => versions.OrderBy(v => v.CreatedUtc).ThenBy(v => v.Id),
            _ => versions.OrderByDescending(v => v.CreatedUtc).ThenByDescending(v => v.Id),
        };
        // The page's ids first (the order needs nothing else), then their rows: the status of each row is
        // then worked out for the fifty shown rather than for every row the order passes.
        var ids = await ordered.Skip((number - 1) * pageSize).Take(pageSize).Select(v => v.Id).ToListAsync(cancellationToken);
        var byId = (await Rows(db.Set<ContentItemVersion>().AsNoTracking().Where(v => ids.Contains(v.Id)), withId: true).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id);
        return new ContentListPage(ids.Select(id => byId[id].Row).ToList(), total, number, pageSize);
    }

    /// <summary>
    /// The newest and the published versions whose text contains <paramref name="text"/> (ordinal): what
    /// another feature needs to find where it is referred to, e.g. the pictures of the media library.
    /// </summary>
    public async Task<IReadOnlyList<ContentBodyRow>> BodiesContainingAsync(string text, CancellationToken cancellationToken = default) =>
        await db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => (v.Latest || v.Published) && v.Body.Contains(text))
            .OrderBy(v => v.ContentItem!.Culture).ThenBy(v => v.ContentItem!.ContentType).ThenBy(v => v.ContentItem!.TranslationKey).ThenBy(v => v.Number)
            .Select(v => new ContentBodyRow(
                new ContentKey(v.ContentItem!.Culture, v.ContentItem.ContentType, v.ContentItem.TranslationKey), v.Title, v.Number, v.Latest, v.Published, v.Body))
            .ToListAsync(cancellationToken);

    private IQueryable<(int Id, ContentListRow Row)> Rows(IQueryable<ContentItemVersion> versions, bool withId) =>
        versions.Select(v => new ValueTuple<int, ContentListRow>(v.Id, new ContentListRow(
            new ContentKey(v.ContentItem!.Culture, v.ContentItem.ContentType, v.ContentItem.TranslationKey),
            v.Title,
            v.Number,
            v.Published ? ContentStatus.Published
                : db.Set<ContentItemVersion>().Any(o => o.ContentItemId == v.ContentItemId && o.Published) ? ContentStatus.Draft : ContentStatus.Unpublished,
            v.Author,
            v.CreatedUtc,
            v.ContentItem.SourcePath)));
}
