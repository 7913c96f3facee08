namespace MyAlmaty.Learn.Content;

/// <summary>The rules for adding a version to an item, shared by the importer and (later) the editor.</summary>
public static class ContentVersioning
{
    /// <summary>
    /// Adds <paramref name="version"/> as the newest one. Publishing it retires the published one;
    /// a draft leaves the published version live until the draft is published.
    /// </summary>
    public static void AddVersion(ContentItem item, ContentItemVersion version, bool publish, DateTime nowUtc)
    {
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
