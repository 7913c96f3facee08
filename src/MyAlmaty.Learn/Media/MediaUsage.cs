using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;

namespace MyAlmaty.Learn.Media;

/// <summary>An item whose newest or published text shows a picture.</summary>
/// <param name="InLatest">The newest version shows it (a draft, or the published version itself).</param>
/// <param name="InPublished">The version on the site shows it.</param>
/// <param name="NeedsAlt">Somewhere it is shown without alt text of its own, so the library's alt text of <see cref="ContentKey.Culture"/> is what readers get.</param>
public sealed record MediaUse(ContentKey Key, string Title, bool InLatest, bool InPublished, bool NeedsAlt);

/// <summary>Where the library's pictures are shown: the newest and published versions of every item, read through the content's own list.</summary>
public sealed class MediaUsage(ContentList content)
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<MediaUse>>> OfAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken = default)
    {
        var wanted = hashes.ToHashSet(StringComparer.Ordinal);
        var uses = new Dictionary<string, Dictionary<ContentKey, MediaUse>>(StringComparer.Ordinal);
        if (wanted.Count == 0) return new Dictionary<string, IReadOnlyList<MediaUse>>();
        foreach (var row in await content.BodiesContainingAsync(MediaReferences.Scheme, cancellationToken))
        {
            foreach (var group in MediaReferences.Find(row.Body).Where(r => wanted.Contains(r.Hash)).GroupBy(r => r.Hash))
            {
                var byItem = uses.TryGetValue(group.Key, out var found) ? found : uses[group.Key] = [];
                var needsAlt = group.Any(r => r.Alt is null);
                byItem[row.Key] = byItem.TryGetValue(row.Key, out var earlier)
                    ? earlier with
                    {
                        Title = row.Latest ? row.Title : earlier.Title,
                        InLatest = earlier.InLatest || row.Latest,
                        InPublished = earlier.InPublished || row.Published,
                        NeedsAlt = earlier.NeedsAlt || needsAlt,
                    }
                    : new MediaUse(row.Key, row.Title, row.Latest, row.Published, needsAlt);
            }
        }
        return uses.ToDictionary(u => u.Key, u => (IReadOnlyList<MediaUse>)[.. u.Value.Values.OrderBy(v => v.Key.Culture).ThenBy(v => v.Title, StringComparer.Ordinal)], StringComparer.Ordinal);
    }
}
