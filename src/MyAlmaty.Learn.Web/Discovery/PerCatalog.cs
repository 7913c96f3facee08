using System.Collections.Concurrent;
using MyAlmaty.Learn.Content.Published;

namespace MyAlmaty.Learn.Web.Discovery;

/// <summary>
/// Documents made from the published catalog (the sitemap, a feed per language), each made at the
/// first request after a change and kept until the next one: a new catalog has a new stamp, and a
/// document is only ever served for the stamp it was made from.
/// </summary>
public sealed class PerCatalog<TKey>(PublishedContent published) where TKey : notnull
{
    private sealed record Documents(long Stamp, ConcurrentDictionary<TKey, byte[]> Made);

    private Documents _current = new(-1, new());

    public byte[] Get(TKey key, Func<ContentCatalog, TKey, byte[]> make)
    {
        var catalog = published.Current;
        var documents = Volatile.Read(ref _current);
        if (documents.Stamp != catalog.Stamp)
        {
            var fresh = new Documents(catalog.Stamp, new());
            documents = Interlocked.CompareExchange(ref _current, fresh, documents) == documents ? fresh : Volatile.Read(ref _current);
            // Another request swapped in a set for another catalog meanwhile: make this one without keeping it.
            if (documents.Stamp != catalog.Stamp) return make(catalog, key);
        }
        return documents.Made.GetOrAdd(key, k => make(catalog, k));
    }
}
