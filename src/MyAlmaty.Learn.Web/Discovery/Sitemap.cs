using System.Globalization;
using System.Text;
using System.Xml;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Web.Discovery;

/// <summary>
/// /sitemap.xml: every public page in both languages — the home pages, the sections, courses,
/// lessons, glossary terms, session summaries and pages — each with its translations as hreflang
/// alternates, at the site's public address, with the time it was last published. Quizzes, the
/// search, accounts and certificates are left out: they are forms or someone's own (robots.txt
/// keeps crawlers out of them too). Remade after every publish, at the first request.
/// </summary>
public sealed class Sitemap(PublishedContent published, ContentUrls urls, CourseCatalog courses, PublicAddress address)
{
    public const string Path = "/sitemap.xml";

    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>The content types with a page of their own, in the order the sitemap lists them.</summary>
    private static readonly string[] PageTypes =
        [ContentTypeNames.Course, ContentTypeNames.Lesson, ContentTypeNames.GlossaryTerm, ContentTypeNames.SessionSummary, ContentTypeNames.Page];

    /// <summary>The sections and what their lists are made of (a course list shows courses, their modules and lessons).</summary>
    private static readonly (string Path, string[] Types)[] Sections =
    [
        ("courses", [ContentTypeNames.Course, ContentTypeNames.CourseModule, ContentTypeNames.Lesson]),
        ("glossary", [ContentTypeNames.GlossaryTerm]),
        ("summaries", [ContentTypeNames.SessionSummary]),
    ];

    private readonly PerCatalog<string> _documents = new(published);

    public byte[] Current() => _documents.Get("", (catalog, _) => Write(Pages(catalog)));

    /// <summary>One page of the site in each language it exists in.</summary>
    private sealed record SitePage(IReadOnlyList<(string Culture, string Path, DateTime? Modified)> Versions, string? DefaultPath = null);

    private IEnumerable<SitePage> Pages(ContentCatalog catalog)
    {
        yield return new SitePage([.. Cultures.All.Select(c => (c, ContentUrls.Home(c), Latest(catalog.Items.Where(i => i.Culture == c))))], "/");
        foreach (var (section, types) in Sections)
        {
            yield return new SitePage([.. Cultures.All.Select(c => (c, $"/{c}/{section}", Latest(types.SelectMany(t => catalog.OfType(c, t)))))]);
        }
        foreach (var type in PageTypes)
        {
            foreach (var item in Cultures.All.SelectMany(c => catalog.OfType(c, type)))
            {
                // Each page once: listed with the first language it has, its translations as alternates.
                if (Cultures.All.TakeWhile(c => c != item.Culture).Any(c => catalog.TranslationOf(item, c) is not null)) continue;
                var versions = Cultures.All
                    .Select(c => catalog.TranslationOf(item, c))
                    .OfType<PublishedItem>()
                    .Select(i => (i, Path: urls.UrlFor(i, catalog)))
                    // A lesson in no published course has no address; a module lives inside its course page.
                    .Where(v => v.Path is not null && !v.Path.Contains('#'))
                    .Select(v => (v.i.Culture, v.Path!, (DateTime?)Modified(v.i)))
                    .ToList();
                if (versions.Count > 0) yield return new SitePage(versions);
            }
        }
    }

    /// <summary>When the page last changed: a course page also shows its modules and lessons.</summary>
    private DateTime Modified(PublishedItem item) =>
        item.ContentType == ContentTypeNames.Course && courses.Course(item.Culture, item.Slug) is { } outline
            ? Latest(outline.Modules.Select(m => m.Module).Concat(outline.Lessons).Append(item))!.Value
            : item.PublishedUtc;

    private static DateTime? Latest(IEnumerable<PublishedItem> items) =>
        items.Select(i => (DateTime?)i.PublishedUtc).Max();

    private byte[] Write(IEnumerable<SitePage> pages)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", SitemapNamespace);
            xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNamespace);
            foreach (var page in pages)
            {
                foreach (var (_, path, modified) in page.Versions)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, Absolute(path));
                    if (modified is { } time) xml.WriteElementString("lastmod", SitemapNamespace, W3cTime(time));
                    // Alternates name every language version, this one included, as search engines ask.
                    if (page.Versions.Count > 1)
                    {
                        foreach (var (culture, alternate, _) in page.Versions) Alternate(xml, culture, alternate);
                        if (page.DefaultPath is { } fallback) Alternate(xml, "x-default", fallback);
                    }
                    xml.WriteEndElement();
                }
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private void Alternate(XmlWriter xml, string hreflang, string path)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNamespace);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", hreflang);
        xml.WriteAttributeString("href", Absolute(path));
        xml.WriteEndElement();
    }

    /// <summary>The public address, percent-encoded as the sitemap protocol asks.</summary>
    private string Absolute(string path) => new Uri(address.Absolute(path)).AbsoluteUri;

    internal static string W3cTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
