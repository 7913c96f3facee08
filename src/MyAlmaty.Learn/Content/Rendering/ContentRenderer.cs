using System.Collections.Concurrent;
using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Content.Rendering;

/// <summary>
/// The HTML of a published item's body, rendered once per version and catalog: glossary links
/// depend on which terms are published, so a new catalog starts a new cache.
/// </summary>
public sealed class ContentRenderer(MarkdownRenderer markdown, PublishedContent published, ContentUrls urls)
{
    private sealed record Cache(long Stamp, ConcurrentDictionary<int, RenderedMarkdown> Html, ConcurrentDictionary<string, IReadOnlyList<GlossaryLink>> Glossaries);

    private Cache _cache = new(-1, new(), new());

    public RenderedMarkdown Render(PublishedItem item)
    {
        var catalog = published.Current;
        var cache = CacheFor(catalog);
        return cache.Html.GetOrAdd(item.VersionId, _ =>
        {
            var glossary = cache.Glossaries.GetOrAdd(item.Culture, c => GlossaryOf(catalog, c));
            return markdown.Render(item.Body, new MarkdownRenderContext(item.Culture, glossary, urls.UrlFor(item, catalog)));
        });
    }

    /// <summary>
    /// Text that is not published (an editor's preview), rendered exactly as it would be: with the
    /// culture's published glossary, sanitized. Not cached.
    /// </summary>
    public RenderedMarkdown RenderDraft(string culture, string body, string? selfUrl = null)
    {
        var catalog = published.Current;
        var glossary = CacheFor(catalog).Glossaries.GetOrAdd(culture, c => GlossaryOf(catalog, c));
        return markdown.Render(body, new MarkdownRenderContext(culture, glossary, selfUrl));
    }

    private Cache CacheFor(ContentCatalog catalog)
    {
        var cache = Volatile.Read(ref _cache);
        if (cache.Stamp == catalog.Stamp) return cache;
        var fresh = new Cache(catalog.Stamp, new(), new());
        Interlocked.CompareExchange(ref _cache, fresh, cache);
        return Volatile.Read(ref _cache);
    }

    private IReadOnlyList<GlossaryLink> GlossaryOf(ContentCatalog catalog, string culture) =>
        catalog.OfType(culture, ContentTypeNames.GlossaryTerm)
            .Select(t => (Term: t, Meta: t.MetadataAs<GlossaryTermMetadata>()))
            .Select(t => new GlossaryLink(t.Term.Title, t.Meta.Aliases, urls.UrlFor(t.Term, catalog)!, t.Meta.Definition))
            .ToList();
}
