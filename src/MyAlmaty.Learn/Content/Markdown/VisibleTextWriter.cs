using System.Text;
using Markdig.Extensions.Abbreviations;
using Markdig.Extensions.CustomContainers;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Writes the text a reader sees of a parsed document straight from its syntax tree, as
/// <see cref="PlainText.Extract"/> would read it from the sanitized HTML: a newline at every block
/// that <see cref="PlainText"/> counts as one, a space around table cells, an image as its alternative
/// text, and text exactly as Markdig would write it. It declines (returns false) a document with raw
/// HTML, whose visible text only the sanitizer can tell, and any node it does not know.
/// </summary>
internal static class VisibleTextWriter
{
    public static bool TryWrite(MarkdownDocument document, StringBuilder text) => Blocks(document, text, implicitParagraphs: false);

    /// <param name="implicitParagraphs">
    /// Whether paragraphs are written without &lt;p&gt;, as Markdig does in the items of a tight list
    /// (and in whatever they contain but quotes) and in a table cell of one paragraph: their text
    /// then runs on without a line of its own.
    /// </param>
    private static bool Blocks(ContainerBlock container, StringBuilder text, bool implicitParagraphs)
    {
        foreach (var block in container)
        {
            if (!Block(block, text, implicitParagraphs)) return false;
        }
        return true;
    }

    private static bool Block(Block block, StringBuilder text, bool implicitParagraphs)
    {
        switch (block)
        {
            case HtmlBlock:
                return false;
            case ParagraphBlock paragraph when implicitParagraphs:
                return Inlines(paragraph.Inline, text, image: false);
            case ParagraphBlock or HeadingBlock or FigureCaption:
                text.Append('\n');
                if (!Inlines(((LeafBlock)block).Inline, text, image: false)) return false;
                text.Append('\n');
                return true;
            case CodeBlock code:
                // Markdig writes each line and a line end inside <pre>; inside a block a line end is a space.
                text.Append('\n');
                for (var i = 0; i < code.Lines.Count; i++)
                {
                    Append(text, code.Lines.Lines[i].Slice.AsSpan());
                    text.Append(' ');
                }
                text.Append('\n');
                return true;
            case ThematicBreakBlock:
                text.Append('\n');
                return true;
            case LinkReferenceDefinitionGroup or LinkReferenceDefinition or BlankLineBlock:
                return true;
            case Table table:
                text.Append('\n');
                foreach (var row in table)
                {
                    if (row is not TableRow tableRow) return false;
                    text.Append('\n');
                    foreach (var cell in tableRow)
                    {
                        if (cell is not TableCell tableCell) return false;
                        text.Append(' ');
                        if (!Blocks(tableCell, text, implicitParagraphs || tableCell.Count == 1)) return false;
                        text.Append(' ');
                    }
                    text.Append('\n');
                }
                text.Append('\n');
                return true;
            case ListBlock list:
                text.Append('\n');
                foreach (var item in list)
                {
                    if (item is not ListItemBlock listItem) return false;
                    text.Append('\n');
                    if (!Blocks(listItem, text, implicitParagraphs: !list.IsLoose)) return false;
                    text.Append('\n');
                }
                text.Append('\n');
                return true;
            case QuoteBlock quote:
                text.Append('\n');
                if (!Blocks(quote, text, implicitParagraphs: false)) return false;
                text.Append('\n');
                return true;
            case CustomContainer or Figure:
                text.Append('\n');
                if (!Blocks((ContainerBlock)block, text, implicitParagraphs)) return false;
                text.Append('\n');
                return true;
            default:
                return false;
        }
    }

    /// <summary>Text as it is inside a block: a line end there is a space.</summary>
    private static void Append(StringBuilder text, ReadOnlySpan<char> span)
    {
        while (span.IndexOf('\n') is var newline and >= 0)
        {
            text.Append(span[..newline]).Append(' ');
            span = span[(newline + 1)..];
        }
        text.Append(span);
    }

    /// <summary>
    /// The inlines of a block or container, in an image's alternative text as Markdig writes them there:
    /// the text alone, without any element.
    /// </summary>
    private static bool Inlines(ContainerInline? container, StringBuilder text, bool image)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    Append(text, literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    Append(text, code.ContentSpan);
                    break;
                case HtmlEntityInline entity:
                    Append(text, entity.Transcoded.AsSpan());
                    break;
                case AutolinkInline autolink:
                    Append(text, autolink.Url);
                    break;
                case AbbreviationInline abbreviation:
                    Append(text, abbreviation.Abbreviation.Label);
                    break;
                case LineBreakInline lineBreak:
                    // Markdig writes nothing for a line break that ends its container.
                    if (lineBreak.NextSibling is not null) text.Append(lineBreak.IsHard && !image ? '\n' : ' ');
                    break;
                case LinkInline { IsImage: true } picture:
                    if (image) return false;
                    text.Append(' ');
                    var alt = text.Length;
                    if (!Inlines(picture, text, image: true)) return false;
                    // The sanitizer drops an attribute with «&{» (an old script entity), and the reader the text with it.
                    if (text.ToString(alt, text.Length - alt).Contains("&{", StringComparison.Ordinal)) return false;
                    text.Append(' ');
                    break;
                case LinkInline link:
                    if (!Inlines(link, text, image)) return false;
                    break;
                case CustomContainerInline span:
                    // Markdig writes its <span> even into an image's alternative text.
                    if (image || !Inlines(span, text, image)) return false;
                    break;
                case EmphasisInline emphasis:
                    if (!Inlines(emphasis, text, image)) return false;
                    break;
                case DelimiterInline delimiter:
                    Append(text, delimiter.ToLiteral());
                    if (!Inlines(delimiter, text, image)) return false;
                    break;
                default:
                    // Raw HTML, and anything this writer does not know.
                    return false;
            }
        }
        return true;
    }
}
