using System.Globalization;
using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using MyAlmaty.Learn.Content.Markdown;

namespace MyAlmaty.Learn.Media;

/// <summary>
/// <c>![](media:{hash})</c> in the site's Markdown: the picture of the library as a responsive
/// <c>img</c> — its served widths in <c>srcset</c>, the column's width in <c>sizes</c>, its proportions
/// in <c>width</c>/<c>height</c> (no jump when it loads), loaded lazily — with the alt text of the
/// text's language, or the one written in the brackets. A picture the library does not have is left
/// out (saving such a text is refused, so this happens only to a picture gone since).
/// </summary>
public sealed class MediaMarkdownExtension(MediaImages images) : IMarkdownExtension
{
    /// <summary>The text column: its full width on a phone, about 42em on a wider screen.</summary>
    public const string Sizes = "(min-width: 46em) 42em, calc(100vw - 2rem)";

    /// <summary>The width put in src for browsers that do not read srcset.</summary>
    private const int FallbackWidth = 960;

    private static readonly object DoneKey = typeof(MediaMarkdownExtension);

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Images live in paragraphs (also inside lists, quotes, callouts and tables) and headings: the first of
        // these to close lets the document's end-of-inlines hook be set, with this render's context.
        foreach (var parser in new BlockParser?[] { pipeline.BlockParsers.FindExact<ParagraphBlockParser>(), pipeline.BlockParsers.FindExact<HeadingBlockParser>() })
        {
            if (parser is null) continue;
            parser.Closed -= OnBlockClosed;
            parser.Closed += OnBlockClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private void OnBlockClosed(BlockProcessor processor, Block block)
    {
        var document = processor.Document;
        if (document.GetData(DoneKey) is not null || MarkdownRenderContext.Of(processor.Context) is not { } context) return;
        document.SetData(DoneKey, context);
        document.ProcessInlinesEnd += OnInlinesProcessed;
    }

    private void OnInlinesProcessed(InlineProcessor processor, Inline? inline)
    {
        var document = processor.Document;
        document.ProcessInlinesEnd -= OnInlinesProcessed;
        if (document.GetData(DoneKey) is not MarkdownRenderContext context) return;
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage && MediaReferences.HashOf(l.Url) is not null).ToList())
        {
            Rewrite(image, context.Culture);
        }
    }

    private void Rewrite(LinkInline image, string culture)
    {
        if (images.Find(MediaReferences.HashOf(image.Url)!) is not { } item)
        {
            image.Remove();
            return;
        }
        var alt = MediaReferences.AltOf(image) ?? item.Alt(culture) ?? "";
        var widths = item.WidthList;
        var largest = widths[^1];
        var fallback = widths.LastOrDefault(w => w <= FallbackWidth, widths[0]);
        image.Url = MediaStorage.Url(item.Hash, fallback);
        image.Clear();
        image.AppendChild(new LiteralInline(alt));
        var attributes = image.GetAttributes();
        attributes.AddProperty("srcset", string.Join(", ", widths.Select(w => $"{MediaStorage.Url(item.Hash, w)} {w.ToString(CultureInfo.InvariantCulture)}w")));
        attributes.AddProperty("sizes", Sizes);
        attributes.AddProperty("width", largest.ToString(CultureInfo.InvariantCulture));
        attributes.AddProperty("height", Math.Max(1, (int)Math.Round((double)item.Height * largest / item.Width)).ToString(CultureInfo.InvariantCulture));
        attributes.AddProperty("loading", "lazy");
        attributes.AddProperty("decoding", "async");
    }
}
