using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// The text a reader sees in rendered HTML, and how many words it has. An image can stand as its
/// alternative text: it is what the picture says in words, what a screen reader reads out in its
/// place. A title attribute (a tooltip that touch screens never show) and link addresses never count.
/// </summary>
internal static partial class PlainText
{
    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "hr", "br",
    ];

    /// <summary>One line per block; whitespace inside a block collapsed to single spaces.</summary>
    /// <param name="images">Whether an image stands as its alternative text (for search), or is left out (for reading time).</param>
    public static string Extract(INode root, bool images)
    {
        var text = new StringBuilder();
        Append(root, text, images);
        return Lines(text);
    }

    /// <summary>
    /// Text with a newline at every block boundary made into one line per block: whitespace runs
    /// collapsed to single spaces, lines trimmed, empty ones dropped.
    /// </summary>
    public static string Lines(StringBuilder raw)
    {
        var lines = new StringBuilder(raw.Length);
        var lineStart = true;
        var space = false;
        foreach (var chunk in raw.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (c == '\n')
                {
                    lineStart = true;
                    space = false;
                }
                else if (char.IsWhiteSpace(c))
                {
                    space = !lineStart;
                }
                else
                {
                    if (lineStart && lines.Length > 0) lines.Append('\n');
                    else if (space) lines.Append(' ');
                    lines.Append(c);
                    lineStart = false;
                    space = false;
                }
            }
        }
        return lines.ToString();
    }

    /// <summary>Words are runs of letters (any script) and digits, hyphenated compounds counted once.</summary>
    public static int CountWords(string text) => Word().Count(text);

    private static void Append(INode node, StringBuilder text, bool images)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText textNode:
                    // Newlines inside a block are just spaces; only block boundaries end a line.
                    text.Append(textNode.Data.Replace('\n', ' '));
                    break;
                case IElement { LocalName: "img" } image when images:
                    text.Append(' ').Append(image.GetAttribute("alt")?.Replace('\n', ' ')).Append(' ');
                    break;
                case IElement element:
                    var separator = BlockTags.Contains(element.LocalName) ? "\n"
                        : element.LocalName is "td" or "th" ? " "
                        : string.Empty;
                    text.Append(separator);
                    Append(element, text, images);
                    text.Append(separator);
                    break;
            }
        }
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*")]
    private static partial Regex Word();
}
