using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MyAlmaty.Learn.Tests.Markdown;

/// <summary>Checks that rendered HTML could not run script in a browser, both as text and as a parsed tree.</summary>
internal static partial class SafeHtml
{
    private static readonly string[] ForbiddenTags =
    [
        "script", "iframe", "frame", "object", "embed", "form", "input", "button", "textarea", "select", "style",
        "link", "meta", "base", "svg", "math", "details", "template", "noscript", "video", "audio", "source", "applet",
    ];

    private static readonly string[] ForbiddenSchemes = ["javascript:", "vbscript:", "data:"];

    public static void AssertSafe(string html)
    {
        var lower = html.ToLowerInvariant();
        foreach (var tag in ForbiddenTags)
        {
            Assert.DoesNotContain("<" + tag, lower);
        }

        Assert.DoesNotMatch(EventHandlerInTag(), lower);
        Assert.DoesNotMatch(StyleInTag(), lower);
        Assert.DoesNotMatch(BadUrlInTag(), lower);

        var body = Parse(html);
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, ForbiddenTags);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} on <{element.LocalName}>");
                Assert.NotEqual("style", attribute.Name, StringComparer.OrdinalIgnoreCase);
                var value = ControlAndSpace().Replace(WebUtility.HtmlDecode(attribute.Value), string.Empty).ToLowerInvariant();
                foreach (var scheme in ForbiddenSchemes)
                {
                    Assert.False(value.StartsWith(scheme, StringComparison.Ordinal), $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
                }
            }
        }
    }

    public static IElement Parse(string html) =>
        new HtmlParser().ParseDocument("<!doctype html><html><body>" + html + "</body></html>").Body!;

    [GeneratedRegex(@"<[^>]*\son[a-z]+\s*=")]
    private static partial Regex EventHandlerInTag();

    [GeneratedRegex(@"<[^>]*\sstyle\s*=")]
    private static partial Regex StyleInTag();

    [GeneratedRegex(@"<[^>]*(href|src|action|data)\s*=\s*[""']?\s*(javascript|vbscript|data):")]
    private static partial Regex BadUrlInTag();

    [GeneratedRegex(@"[\s\x00-\x1f]")]
    private static partial Regex ControlAndSpace();
}
