using System.Text;
using System.Text.RegularExpressions;
using Markdig.Helpers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Walks a parsed document in reading order and wraps the first mention of each term in a link.
/// Text already inside a link, code or a heading is left alone.
/// </summary>
internal sealed partial class GlossaryInlineRewriter(GlossaryTermMatcher matcher, string? selfUrl)
{
    private readonly HashSet<GlossaryLink> _linked = [];
    private readonly string? _selfUrl = NormalizeUrl(selfUrl);

    public void Rewrite(MarkdownDocument document)
    {
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is not HeadingBlock && block.Inline is { } inline)
            {
                RewriteChildren(inline);
            }
        }
    }

    private void RewriteChildren(ContainerInline container)
    {
        var run = new List<Inline>();
        var rawHtmlDepth = 0;

        // Snapshot first: linking replaces children while we walk.
        foreach (var child in container.ToList())
        {
            if (IsRunText(child))
            {
                if (rawHtmlDepth == 0)
                {
                    run.Add(child);
                }

                continue;
            }

            RewriteRun(run);
            run.Clear();

            switch (child)
            {
                case HtmlInline html:
                    rawHtmlDepth = Math.Max(0, rawHtmlDepth + RawHtmlDepthChange(html.Tag));
                    break;
                case LinkInline:
                    break;
                case ContainerInline nested when rawHtmlDepth == 0:
                    RewriteChildren(nested);
                    break;
            }
        }

        RewriteRun(run);
    }

    private static bool IsRunText(Inline inline) =>
        inline is LiteralInline or HtmlEntityInline or LineBreakInline { IsHard: false };

    private void RewriteRun(List<Inline> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        var pieces = new List<Piece>(run.Count);
        var text = new StringBuilder();
        foreach (var inline in run)
        {
            var content = inline switch
            {
                LiteralInline literal => literal.Content.ToString(),
                HtmlEntityInline entity => entity.Transcoded.ToString(),
                _ => "\n",
            };
            pieces.Add(new Piece(inline, text.Length, content.Length));
            text.Append(content);
        }

        var accepted = new List<GlossaryTermMatch>();
        foreach (var match in matcher.Matches(text.ToString()))
        {
            if (IsSelf(match.Term) || !CanWrap(pieces, match))
            {
                continue;
            }

            if (_linked.Add(match.Term))
            {
                accepted.Add(match);
            }
        }

        // Right to left, so splitting a piece never shifts the offsets of a match still to wrap.
        for (var i = accepted.Count - 1; i >= 0; i--)
        {
            Wrap(pieces, accepted[i]);
        }
    }

    // A match may only start or end inside a literal, which can be split; entities and line breaks move whole.
    private static bool CanWrap(List<Piece> pieces, GlossaryTermMatch match)
    {
        var first = PieceAt(pieces, match.Index);
        var last = PieceAt(pieces, match.Index + match.Length - 1);
        return (first.Inline is LiteralInline || first.Start == match.Index)
            && (last.Inline is LiteralInline || last.End == match.Index + match.Length);
    }

    private void Wrap(List<Piece> pieces, GlossaryTermMatch match)
    {
        var end = match.Index + match.Length;
        var first = PieceAt(pieces, match.Index);
        var last = PieceAt(pieces, end - 1);

        // Split the end first: when both ends fall in one literal its start offset stays valid.
        var lastInline = last.Inline;
        if (last.End > end)
        {
            SplitAfter((LiteralInline)lastInline, end - last.Start);
        }

        var firstInline = first.Inline;
        if (first.Start < match.Index)
        {
            var tail = SplitAfter((LiteralInline)firstInline, match.Index - first.Start);
            if (ReferenceEquals(firstInline, lastInline))
            {
                lastInline = tail;
            }

            firstInline = tail;
        }

        var link = CreateLink(match.Term);
        firstInline.InsertBefore(link);
        for (var inline = firstInline; ;)
        {
            var next = inline.NextSibling;
            inline.Remove();
            link.AppendChild(inline);
            if (ReferenceEquals(inline, lastInline) || next is null)
            {
                break;
            }

            inline = next;
        }
    }

    /// <summary>Keeps the first <paramref name="length"/> characters in <paramref name="literal"/> and moves the rest into a new literal after it.</summary>
    private static LiteralInline SplitAfter(LiteralInline literal, int length)
    {
        var content = literal.Content;
        var tail = new LiteralInline { Content = new StringSlice(content.Text, content.Start + length, content.End) };
        literal.Content = new StringSlice(content.Text, content.Start, content.Start + length - 1);
        literal.InsertAfter(tail);
        return tail;
    }

    private static LinkInline CreateLink(GlossaryLink term)
    {
        var link = new LinkInline(term.Url, string.Empty) { IsClosed = true };
        var attributes = link.GetAttributes();
        attributes.AddClass("term");
        attributes.AddProperty("data-definition", Whitespace().Replace(term.Definition, " ").Trim());
        return link;
    }

    private static Piece PieceAt(List<Piece> pieces, int offset) =>
        pieces.Last(p => p.Start <= offset);

    private bool IsSelf(GlossaryLink term) =>
        _selfUrl is not null && string.Equals(NormalizeUrl(term.Url), _selfUrl, StringComparison.OrdinalIgnoreCase);

    private static string? NormalizeUrl(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null : url.Trim().TrimEnd('/');

    private static int RawHtmlDepthChange(string tag)
    {
        var match = RawLinkOrCodeTag().Match(tag);
        if (!match.Success || tag.EndsWith("/>", StringComparison.Ordinal))
        {
            return 0;
        }

        return match.Groups["close"].Success ? -1 : 1;
    }

    [GeneratedRegex(@"^<\s*(?<close>/)?\s*(a|code|kbd|samp|pre)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RawLinkOrCodeTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private readonly record struct Piece(Inline Inline, int Start, int Length)
    {
        public int End => Start + Length;
    }
}
