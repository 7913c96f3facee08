using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Ganss.Xss;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Reduces rendered Markdown (including any raw HTML an author wrote) to the content markup our
/// themes style: no scripts, styles, frames, forms, event handlers or non-web URLs.
/// Configured once; safe to use from many threads.
/// </summary>
internal sealed class MarkdownHtmlSanitizer
{
    private const string ExternalLinkRel = "noopener nofollow";

    private static readonly HashSet<string> HeadingTags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    private readonly HtmlSanitizer _sanitizer;

    public MarkdownHtmlSanitizer()
    {
        var options = HtmlSanitizerOptions.Empty();
        options.AllowedTags.UnionWith(
        [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "b", "i", "u", "s",
            "code", "pre", "kbd", "samp", "blockquote", "q", "cite", "del", "ins", "sub", "sup", "mark", "small",
            "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "img", "div", "span", "hr", "br",
            "figure", "figcaption", "abbr", "dl", "dt", "dd",
        ]);
        options.AllowedAttributes.UnionWith(
        [
            "href", "title", "class", "id", "data-definition", "src", "alt", "width", "height",
            "colspan", "rowspan", "start", "lang", "dir",
        ]);
        options.UriAttributes.UnionWith(["href", "src"]);
        options.AllowedSchemes.UnionWith(["http", "https", "mailto"]);
        _sanitizer = new HtmlSanitizer(options);
    }

    /// <summary>The sanitized fragment as the body of a detached document, ready to serialize or read text from.</summary>
    public IHtmlElement Sanitize(string html)
    {
        var document = _sanitizer.SanitizeDom(html, string.Empty);
        var body = document.Body ?? throw new InvalidOperationException("A sanitized fragment always has a body.");

        foreach (var element in body.QuerySelectorAll("[id]"))
        {
            // Ids are for heading anchors; elsewhere an author could use them to clobber page globals.
            if (!HeadingTags.Contains(element.LocalName))
            {
                element.RemoveAttribute("id");
            }
        }

        foreach (var link in body.QuerySelectorAll("a[href]"))
        {
            if (IsExternal(link.GetAttribute("href")!))
            {
                link.SetAttribute("rel", ExternalLinkRel);
            }
        }

        return body;
    }

    public static string Serialize(IHtmlElement body) => body.ChildNodes.ToHtml(HtmlFormatter.Instance);

    // Our own pages are linked relatively, so any absolute web address points to another site.
    private static bool IsExternal(string href)
    {
        var url = href.Trim();
        return url.StartsWith("//", StringComparison.Ordinal)
            || url.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
    }
}
