using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Web.Discovery;

/// <summary>
/// An Atom 1.0 feed of the session summaries of one language, /{culture}/summaries/feed.atom: the
/// newest first, each with its summary and its body as the site renders it (sanitized Markdown with
/// glossary links), every address absolute at the site's public address. An entry's id is its
/// page's address, which stays as long as the summary keeps its slug.
/// </summary>
public sealed partial class SummaryFeed(PublishedContent published, ContentUrls urls, ContentRenderer renderer, UiStrings strings, PublicAddress address)
{
    public const string ContentType = "application/atom+xml; charset=utf-8";

    /// <summary>Feed readers want what is new; the whole archive stays on the summaries page.</summary>
    public const int MaxEntries = 50;

    private const string Atom = "http://www.w3.org/2005/Atom";

    private readonly PerCatalog<string> _documents = new(published);

    public static string Url(string culture) => $"/{culture}/summaries/feed.atom";

    public byte[] Current(string culture) => _documents.Get(culture, Write);

    private byte[] Write(ContentCatalog catalog, string culture)
    {
        var summaries = catalog.OfType(culture, ContentTypeNames.SessionSummary)
            .Select(s => (Item: s, Path: urls.UrlFor(s, catalog)))
            .Where(s => s.Path is not null)
            .OrderByDescending(s => s.Item.MetadataAs<SessionSummaryMetadata>().SessionDate?.ToDateTime(TimeOnly.MinValue) ?? s.Item.FirstPublishedUtc)
            .ThenByDescending(s => s.Item.FirstPublishedUtc)
            .Take(MaxEntries)
            .ToList();
        // A feed must say when it changed; with no summaries yet, when anything in its language did.
        var updated = summaries.Select(s => (DateTime?)s.Item.PublishedUtc).Max()
            ?? catalog.Items.Where(i => i.Culture == culture).Select(i => (DateTime?)i.PublishedUtc).Max()
            ?? DateTime.UnixEpoch;
        var title = strings.Get(culture, "Session summaries");

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, culture);
            xml.WriteElementString("id", Atom, Absolute(Url(culture)));
            xml.WriteElementString("title", Atom, $"{title} — МыАлматы.Learn");
            xml.WriteElementString("subtitle", Atom, strings.Get(culture, "Short memos after our sessions: the main ideas we discussed, in one place."));
            xml.WriteElementString("updated", Atom, Sitemap.W3cTime(updated));
            Link(xml, "self", "application/atom+xml", Url(culture));
            Link(xml, "alternate", "text/html", $"/{culture}/summaries", culture);
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "МыАлматы");
            xml.WriteElementString("uri", Atom, Absolute(ContentUrls.Home(culture)));
            xml.WriteEndElement();
            xml.WriteElementString("icon", Atom, Absolute("/favicon.ico"));
            foreach (var (item, path) in summaries) Entry(xml, catalog, item, path!);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private void Entry(XmlWriter xml, ContentCatalog catalog, PublishedItem item, string path)
    {
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, Absolute(path));
        xml.WriteElementString("title", Atom, item.Title);
        Link(xml, "alternate", "text/html", path, item.Culture);
        foreach (var culture in Cultures.All.Where(c => c != item.Culture))
        {
            if (catalog.TranslationOf(item, culture) is { } translation && urls.UrlFor(translation, catalog) is { } other) Link(xml, "alternate", "text/html", other, culture);
        }
        xml.WriteElementString("published", Atom, Sitemap.W3cTime(item.FirstPublishedUtc));
        xml.WriteElementString("updated", Atom, Sitemap.W3cTime(item.PublishedUtc));
        if (!string.IsNullOrWhiteSpace(item.Metadata.Summary)) xml.WriteElementString("summary", Atom, item.Metadata.Summary);
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "html");
        xml.WriteString(AbsoluteLinks(renderer.Render(item).Html, path));
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private void Link(XmlWriter xml, string rel, string type, string path, string? hreflang = null)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        if (hreflang is not null) xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteAttributeString("href", Absolute(path));
        xml.WriteEndElement();
    }

    private string Absolute(string path) => new Uri(address.Absolute(path)).AbsoluteUri;

    /// <summary>
    /// The rendered body links within the site by path (/ru/glossary/…) and within its page by
    /// fragment (#…); a feed reader shows it somewhere else, so those get the page's address in front.
    /// </summary>
    private string AbsoluteLinks(string html, string pagePath) => LocalLink().Replace(html, m =>
        $"{m.Groups["attr"].Value}=\"{(m.Groups["start"].Value == "#" ? Absolute(pagePath) + "#" : address.Origin + "/")}");

    [GeneratedRegex("""(?<attr>\b(?:href|src))="(?<start>/(?!/)|#)""")]
    private static partial Regex LocalLink();
}
