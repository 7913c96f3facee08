namespace MyAlmaty.Learn.Content;

/// <summary>The rules for adding a version to an item, shared by the importer and (later) the editor.</summary>
public static class ContentVersioning
{
    private static readonly System.Globalization.CompareInfo Titles = System.Globalization.CultureInfo.InvariantCulture.CompareInfo;

    /// <summary>The sort key of a title: compared byte by byte, it orders titles as people read them.</summary>
    public static byte[] TitleKeyOf(string title) => Titles.GetSortKey(title, System.Globalization.CompareOptions.IgnoreCase).KeyData;

    /// <summary>
    /// Adds <paramref name="version"/> as the newest one. Publishing it retires the published one;
    /// a draft leaves the published version live until the draft is published.
    /// </summary>
    public static void AddVersion(ContentItem item, ContentItemVersion version, bool publish, DateTime nowUtc)
    {
        version.TitleKey = TitleKeyOf(version.Title);
        version.Number = item.Versions.Count == 0 ? 1 : item.Versions.Max(v => v.Number) + 1;
        version.CreatedUtc = nowUtc;
        version.Latest = true;
        foreach (var old in item.Versions)
        {
            old.Latest = false;
            if (publish) old.Published = false;
        }
        if (publish)
        {
            version.Published = true;
            version.PublishedUtc = nowUtc;
        }
        item.Versions.Add(version);
    }
}
