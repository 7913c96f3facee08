using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Media;

/// <summary>
/// The library's pictures as the Markdown pipeline asks for them, by hash, while it renders
/// (synchronously, once per version and catalog). A picture is read from the database the first time
/// and kept; the cache is emptied when this node changes a picture and whenever the content catalog
/// is reloaded — which every node does after any content change — so alt text edited on another
/// node reaches the pages with the next change of content.
/// </summary>
public sealed class MediaImages
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ConcurrentDictionary<string, MediaItem> _cache = new(StringComparer.Ordinal);

    public MediaImages(IServiceScopeFactory scopes, PublishedContent published)
    {
        _scopes = scopes;
        published.Changed += _ => _cache.Clear();
    }

    /// <summary>The picture named by <paramref name="hash"/>, or null when the library has none.</summary>
    public MediaItem? Find(string hash)
    {
        if (!MediaReferences.IsHash(hash)) return null;
        if (_cache.TryGetValue(hash, out var known)) return known;
        using var scope = _scopes.CreateScope();
        var item = scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<MediaItem>().AsNoTracking().FirstOrDefault(m => m.Hash == hash);
        // A missing picture is not remembered: it may be uploaded in a moment.
        return item is null ? null : _cache.GetOrAdd(hash, item);
    }

    public void Forget(string hash) => _cache.TryRemove(hash, out _);
}
