namespace MyAlmaty.Learn.Content.Published;

/// <summary>
/// An immutable snapshot of everything published, indexed for the lookups pages make.
/// A new snapshot replaces the old one whenever content changes; readers never lock.
/// </summary>
public sealed class ContentCatalog
{
    private readonly Dictionary<(string Culture, string Type, string Slug), PublishedItem> _bySlug;
    private readonly Dictionary<(string Culture, string Type, string Key), PublishedItem> _byKey;
    private readonly Dictionary<(string Culture, string Type), IReadOnlyList<PublishedItem>> _byType;

    public static readonly ContentCatalog Empty = new([], 0, -1);

    public ContentCatalog(IReadOnlyList<PublishedItem> items, long stamp, long journalPosition)
    {
        JournalPosition = journalPosition;
        Items = items;
        Stamp = stamp;
        _bySlug = items.ToDictionary(i => (i.Culture, i.ContentType, i.Slug));
        _byKey = items.ToDictionary(i => (i.Culture, i.ContentType, i.TranslationKey));
        _byType = items.GroupBy(i => (i.Culture, i.ContentType))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<PublishedItem>)g.OrderBy(i => i.Title, StringComparer.Create(Localization.Cultures.Get(g.Key.Culture), false)).ToList());
    }

    /// <summary>Changes with every reload: a cache keyed by it never serves stale content.</summary>
    public long Stamp { get; }

    /// <summary>The newest journal entry this catalog includes; a newer one means it is out of date.</summary>
    public long JournalPosition { get; }

    public IReadOnlyList<PublishedItem> Items { get; }

    public PublishedItem? BySlug(string culture, string type, string slug) => _bySlug.GetValueOrDefault((culture, type, slug));

    public PublishedItem? ByKey(string culture, string type, string key) => _byKey.GetValueOrDefault((culture, type, key));

    /// <summary>All published items of a type in a culture, in that culture's alphabetical order of titles.</summary>
    public IReadOnlyList<PublishedItem> OfType(string culture, string type) => _byType.GetValueOrDefault((culture, type)) ?? [];

    public PublishedItem? TranslationOf(PublishedItem item, string culture) =>
        item.Culture == culture ? item : ByKey(culture, item.ContentType, item.TranslationKey);
}
