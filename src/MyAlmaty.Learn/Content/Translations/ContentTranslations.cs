using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Content.Versions;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using YamlDotNet.RepresentationModel;

namespace MyAlmaty.Learn.Content.Translations;

/// <summary>What changed in the source since the translation was in step with it.</summary>
/// <param name="FromVersion">The source version the translation is in step with (recorded, or the one on the site when the translation was published).</param>
/// <param name="ToVersion">The source version on the site now.</param>
public sealed record SourceChanges(TranslationStatus Status, int FromVersion, int ToVersion, VersionComparison Changes);

/// <summary>What became of marking a translation up to date.</summary>
public enum MarkUpToDateOutcome
{
    Marked,

    /// <summary>The translation or its source does not exist.</summary>
    Missing,

    /// <summary>The translation has no published version to mark.</summary>
    NotPublished,

    /// <summary>The source has no published version to be in step with.</summary>
    SourceNotPublished,
}

/// <summary>
/// Translations between the items of one type and translation key in Russian and Kazakh: their states, what
/// changed in the source of an outdated one, starting one and declaring one up to date. A translation saved
/// through <see cref="ContentEditing.SaveAsync"/> with its source version records what it is in step with;
/// content imported from files records nothing and is judged by publication times
/// (see <see cref="TranslationRules"/>).
/// </summary>
public sealed class ContentTranslations(LearnDbContext db, ContentEditing editing, ContentTypeRegistry types, TimeProvider clock)
{
    /// <summary>
    /// How <paramref name="translation"/> stands against the item of the same type and key in the other
    /// language; null when that item does not exist (there is nothing to translate from).
    /// </summary>
    public async Task<TranslationStatus?> StatusAsync(ContentKey translation, CancellationToken cancellationToken = default)
    {
        var facts = await FactsAsync(translation.ContentType, translation.TranslationKey, cancellationToken);
        var direction = TranslationDirection.Into(translation.Culture);
        return facts.TryGetValue((translation.TranslationKey, direction.Source), out var source)
            ? TranslationRules.Evaluate(translation.ContentType, translation.TranslationKey, direction, source, facts.GetValueOrDefault((translation.TranslationKey, direction.Target)))
            : null;
    }

    /// <summary>For an outdated translation, the source's changes since the translation was in step with it; null for any other state.</summary>
    public async Task<SourceChanges?> SourceChangesAsync(ContentKey translation, CancellationToken cancellationToken = default)
    {
        if (await StatusAsync(translation, cancellationToken) is not { State: TranslationState.Outdated } status) return null;
        var sourceVersions = db.Set<ContentItemVersion>().AsNoTracking().Where(v => v.ContentItem!.Culture == status.Direction.Source
            && v.ContentItem.ContentType == status.ContentType && v.ContentItem.TranslationKey == status.TranslationKey);
        var to = status.Source.PublishedNumber!.Value;
        var from = status.SyncedSourceVersion
            // By publication times: the source version that was on the site when the translation was published,
            // or, when the translation came first, the source's first version.
            ?? await sourceVersions.Where(v => v.PublishedUtc <= status.Target!.PublishedUtc).OrderByDescending(v => v.PublishedUtc).ThenByDescending(v => v.Number)
                .Select(v => (int?)v.Number).FirstOrDefaultAsync(cancellationToken)
            ?? await sourceVersions.MinAsync(v => v.Number, cancellationToken);
        var versions = await sourceVersions.Where(v => v.Number == from || v.Number == to).ToListAsync(cancellationToken);
        var key = status.SourceKey;
        var changes = VersionDiff.Compare(types.Get(status.ContentType), key, versions.Single(v => v.Number == from), versions.Single(v => v.Number == to));
        return new SourceChanges(status, from, to, changes);
    }

    /// <summary>
    /// Starts the translation of <paramref name="source"/> into <paramref name="targetCulture"/>: a draft with
    /// the same type, key, address, fields and text, for the editor to translate, recording the source
    /// version it starts from (<paramref name="fromVersion"/>, or the published one, or the newest).
    /// Journalled as <see cref="ContentOperation.Created"/>. The outcome is a save's: saved as version 1;
    /// a conflict carrying the translation when it exists already; invalid when the draft would be (a
    /// reference to an item not yet translated, an address taken); missing when the source is.
    /// </summary>
    public async Task<SaveOutcome> StartTranslationAsync(ContentKey source, string targetCulture, string actor, int? fromVersion = null, CancellationToken cancellationToken = default)
    {
        if (!Cultures.IsSupported(targetCulture) || targetCulture == source.Culture)
        {
            throw new ArgumentOutOfRangeException(nameof(targetCulture), targetCulture, $"A translation of a {source.Culture} item goes into another language.");
        }
        var versions = db.Set<ContentItemVersion>().AsNoTracking().Where(v => v.ContentItem!.Culture == source.Culture
            && v.ContentItem.ContentType == source.ContentType && v.ContentItem.TranslationKey == source.TranslationKey);
        var version = await (fromVersion is { } n ? versions.Where(v => v.Number == n) : versions.OrderByDescending(v => v.Published).ThenByDescending(v => v.Latest))
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null) return new SaveOutcome.Missing();

        var target = source with { Culture = targetCulture };
        var text = Prefill(types.Get(source.ContentType), version, targetCulture);
        return await editing.SaveAsync(target, text, baseNumber: null, actor, $"translation of {source.Culture} version {version.Number}", publish: false,
            new TranslationSync(source.Culture, version.Number), cancellationToken);
    }

    /// <summary>
    /// Declares the published <paramref name="translation"/> in step with the source's published version,
    /// without changing its content (the source changed in a way that needs no change here). Journalled as
    /// <see cref="ContentOperation.MarkedUpToDate"/> with a note naming the source version.
    /// </summary>
    public async Task<MarkUpToDateOutcome> MarkUpToDateAsync(ContentKey translation, string actor, CancellationToken cancellationToken = default)
    {
        var sourceCulture = Cultures.Other(translation.Culture);
        var item = await db.Set<ContentItem>()
            .Include(i => i.Versions.Where(v => v.Published))
            .FirstOrDefaultAsync(i => i.Culture == translation.Culture && i.ContentType == translation.ContentType && i.TranslationKey == translation.TranslationKey, cancellationToken);
        var sourceItem = await db.Set<ContentItem>().AsNoTracking()
            .Where(i => i.Culture == sourceCulture && i.ContentType == translation.ContentType && i.TranslationKey == translation.TranslationKey)
            .Select(i => new { Published = i.Versions.Where(v => v.Published).Select(v => (int?)v.Number).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (item is null || sourceItem is null) return MarkUpToDateOutcome.Missing;
        if (item.Versions.FirstOrDefault() is not { } published) return MarkUpToDateOutcome.NotPublished;
        if (sourceItem.Published is not { } sourceVersion) return MarkUpToDateOutcome.SourceNotPublished;

        published.SourceCulture = sourceCulture;
        published.SourceVersion = sourceVersion;
        ContentJournal.Record(db, item, ContentOperation.MarkedUpToDate, actor, clock.GetUtcNow().UtcDateTime, published.Number, $"{sourceCulture} version {sourceVersion}");
        await db.SaveChangesAsync(cancellationToken);
        return MarkUpToDateOutcome.Marked;
    }

    /// <summary>
    /// Every item's translation state for each content type and direction, with the counts of each state: the
    /// items of the source language, each with its translation's state. One query reads every item's newest
    /// and published versions (and those that record a translation); the rest is done in memory.
    /// </summary>
    public async Task<TranslationCoverage> CoverageAsync(string? contentType = null, CancellationToken cancellationToken = default)
    {
        var rows = await FactRows(contentType is null ? db.Set<ContentItemVersion>() : db.Set<ContentItemVersion>().Where(v => v.ContentItem!.ContentType == contentType))
            .ToListAsync(cancellationToken);
        var items = Group(rows);
        var byKey = new Dictionary<(string Type, string Key, string Culture), ItemFacts>(items.Count);
        foreach (var (type, key, facts) in items) byKey[(type, key, facts.Culture)] = facts;
        var names = contentType is null ? types.Names.Order(StringComparer.Ordinal).ToList() : [contentType];
        var statuses = new Dictionary<(string Type, TranslationDirection Direction), List<TranslationStatus>>();
        foreach (var name in names)
        {
            foreach (var direction in TranslationDirection.All) statuses[(name, direction)] = [];
        }
        foreach (var (type, key, source) in items)
        {
            var direction = TranslationDirection.From(source.Culture);
            if (statuses.TryGetValue((type, direction), out var list)) list.Add(TranslationRules.Evaluate(type, key, direction, source, byKey.GetValueOrDefault((type, key, direction.Target))));
        }
        var result = new List<TypeCoverage>(statuses.Count);
        foreach (var name in names)
        {
            foreach (var direction in TranslationDirection.All)
            {
                var list = statuses[(name, direction)];
                list.Sort((a, b) => string.CompareOrdinal(a.TranslationKey, b.TranslationKey));
                result.Add(new TypeCoverage(name, direction, list));
            }
        }
        return new TranslationCoverage(result);
    }

    /// <summary>The source as the draft of its translation: the same file, but a declared culture is the target's.</summary>
    private static string Prefill(IContentTypeDefinition type, ContentItemVersion version, string targetCulture)
    {
        var text = version.Source
            ?? ContentSource.Compose(null, type, version.Title, version.Slug, VersionDiff.Values(type, version).ToDictionary(v => v.Key, v => (string?)v.Value), version.Body);
        if (ContentSource.Split(text) is { } split && split.FrontMatter.Children.ContainsKey(new YamlScalarNode("culture")))
        {
            split.FrontMatter.Children[new YamlScalarNode("culture")] = new YamlScalarNode(targetCulture);
            text = ContentSource.Write(split.FrontMatter, split.Body);
        }
        return text;
    }

    private async Task<Dictionary<(string Key, string Culture), ItemFacts>> FactsAsync(string contentType, string translationKey, CancellationToken cancellationToken)
    {
        var rows = await FactRows(db.Set<ContentItemVersion>().Where(v => v.ContentItem!.ContentType == contentType && v.ContentItem.TranslationKey == translationKey))
            .ToListAsync(cancellationToken);
        return Group(rows).ToDictionary(f => (f.Key, f.Facts.Culture), f => f.Facts);
    }

    /// <summary>
    /// The rows the rules need: each item's newest and published versions, and every version that records a
    /// translation, by item.
    /// </summary>
    private static IQueryable<FactRow> FactRows(IQueryable<ContentItemVersion> versions) =>
        versions.AsNoTracking()
            .Where(v => v.Latest || v.Published || v.SourceVersion != null)
            .OrderBy(v => v.ContentItemId)
            .Select(v => new FactRow(v.ContentItemId, v.ContentItem!.ContentType, v.ContentItem.Culture, v.ContentItem.TranslationKey,
                v.Number, v.Latest, v.Published, v.Title, v.PublishedUtc, v.SourceCulture, v.SourceVersion));

    /// <summary>The rows of each item (consecutive, as the query orders them) as the facts the rules need.</summary>
    private static List<(string Type, string Key, ItemFacts Facts)> Group(List<FactRow> rows)
    {
        var items = new List<(string, string, ItemFacts)>(rows.Count);
        for (var i = 0; i < rows.Count;)
        {
            var id = rows[i].ItemId;
            FactRow? latest = null, published = null;
            List<SyncMark>? syncs = null;
            for (; i < rows.Count && rows[i].ItemId == id; i++)
            {
                var row = rows[i];
                if (row.Latest) latest = row;
                if (row.Published) published = row;
                if (row is { SourceCulture: { } culture, SourceVersion: { } number }) (syncs ??= []).Add(new SyncMark(row.Number, culture, number));
            }
            if (latest is not { } newest) continue;
            items.Add((newest.Type, newest.Key, new ItemFacts(newest.Culture, (published ?? newest).Title, newest.Number, published?.Number, published?.PublishedUtc, syncs ?? [])));
        }
        return items;
    }

    private readonly record struct FactRow(int ItemId, string Type, string Culture, string Key, int Number, bool Latest, bool Published, string Title,
        DateTime? PublishedUtc, string? SourceCulture, int? SourceVersion);
}
