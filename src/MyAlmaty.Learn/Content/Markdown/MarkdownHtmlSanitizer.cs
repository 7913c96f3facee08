using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Reduces rendered Markdown (including any raw HTML an author wrote) to the content markup our
/// themes style: no scripts, styles, frames, forms, event handlers or non-web URLs.
/// Configured once; safe to use from many threads.
/// </summary>
internal sealed partial class MarkdownHtmlSanitizer
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
            // Responsive pictures; kept only on pictures of the site's own media library (see Sanitize).
            "srcset", "sizes", "loading", "decoding",
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

        foreach (var image in body.QuerySelectorAll("img"))
        {
            KeepResponsiveAttributesOfOwnPictures(image);
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

    /// <summary>
    /// A served width of a picture of the media library: /media/{hash}-{width}.webp. Nothing else may
    /// bring srcset and sizes along, so no author can make a reader's browser fetch another address
    /// than the one src shows (src itself is checked like any URL).
    /// </summary>
    [GeneratedRegex("^/media/[0-9a-f]{16}-[1-9][0-9]{0,4}\\.webp$")]
    private static partial Regex OwnPicture();

    [GeneratedRegex("^[1-9][0-9]{0,4}w$")]
    private static partial Regex WidthDescriptor();

    private static void KeepResponsiveAttributesOfOwnPictures(IElement image)
    {
        var own = OwnPicture().IsMatch(image.GetAttribute("src") ?? "");
        if (!own || !(image.GetAttribute("srcset") is not { } srcset || OwnSrcset(srcset)))
        {
            image.RemoveAttribute("srcset");
            image.RemoveAttribute("sizes");
        }
        if (!own || image.GetAttribute("loading") is not ("lazy" or "eager")) image.RemoveAttribute("loading");
        if (!own || image.GetAttribute("decoding") is not ("async" or "sync" or "auto")) image.RemoveAttribute("decoding");
    }

    private static bool OwnSrcset(string srcset) =>
        srcset.Split(',').All(candidate => candidate.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var url, var width]
            && OwnPicture().IsMatch(url) && WidthDescriptor().IsMatch(width));

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
