using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>The text a reader sees in rendered HTML, and how many words it has.</summary>
internal static partial class PlainText
{
    private static readonly HashSet<string> BlockTags =
    [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "figure", "figcaption", "hr", "br",
    ];

    /// <summary>One line per block; whitespace inside a block collapsed to single spaces.</summary>
    public static string Extract(INode root)
    {
        var text = new StringBuilder();
        Append(root, text);
        var lines = text.ToString()
            .Split('\n')
            .Select(line => Whitespace().Replace(line, " ").Trim())
            .Where(line => line.Length > 0);
        return string.Join('\n', lines);
    }

    /// <summary>Words are runs of letters (any script) and digits, hyphenated compounds counted once.</summary>
    public static int CountWords(string text) => Word().Count(text);

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText textNode:
                    // Newlines inside a block are just spaces; only block boundaries end a line.
                    text.Append(textNode.Data.Replace('\n', ' '));
                    break;
                case IElement element:
                    var separator = BlockTags.Contains(element.LocalName) ? "\n"
                        : element.LocalName is "td" or "th" ? " "
                        : string.Empty;
                    text.Append(separator);
                    Append(element, text);
                    text.Append(separator);
                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:[-‐‑'’][\p{L}\p{M}\p{N}]+)*")]
    private static partial Regex Word();
}
