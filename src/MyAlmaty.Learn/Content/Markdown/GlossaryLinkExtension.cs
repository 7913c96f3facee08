using Markdig;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Links the first mention of each glossary term to its page. The pipeline is shared, so the
/// glossary of a particular render travels in the <see cref="MarkdownParserContext"/> given to
/// <see cref="Markdig.Markdown.Parse(string, MarkdownPipeline?, MarkdownParserContext?)"/>
/// (see <see cref="UseGlossary"/>); without one the extension does nothing.
/// </summary>
public sealed class GlossaryLinkExtension : IMarkdownExtension
{
    private static readonly object ScopeKey = typeof(GlossaryScope);

    /// <summary>Asks for terms from <paramref name="matcher"/> to be linked when parsing with <paramref name="context"/>.</summary>
    public static void UseGlossary(MarkdownParserContext context, GlossaryTermMatcher matcher, string? selfUrl)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(matcher);
        context.Properties[ScopeKey] = new GlossaryScope(matcher, selfUrl);
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // Every run of text worth linking lives in a paragraph (list items, quotes, callouts and
        // table cells hold paragraphs too), so a closed paragraph is where a document with
        // linkable text first shows itself, before its inlines are parsed.
        var paragraphs = pipeline.BlockParsers.FindExact<ParagraphBlockParser>();
        if (paragraphs is not null)
        {
            paragraphs.Closed -= OnParagraphClosed;
            paragraphs.Closed += OnParagraphClosed;
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void OnParagraphClosed(BlockProcessor processor, Block block)
    {
        var document = processor.Document;
        if (document.GetData(ScopeKey) is not null
            || processor.Context is not { } context
            || !context.Properties.TryGetValue(ScopeKey, out var value)
            || value is not GlossaryScope scope)
        {
            return;
        }

        document.SetData(ScopeKey, scope);

        // The document's own end-of-inlines hook runs once, after every block has its inlines.
        document.ProcessInlinesEnd += OnDocumentInlinesProcessed;
    }

    private static void OnDocumentInlinesProcessed(InlineProcessor processor, Inline? inline)
    {
        var document = processor.Document;
        document.ProcessInlinesEnd -= OnDocumentInlinesProcessed;
        if (document.GetData(ScopeKey) is GlossaryScope scope)
        {
            new GlossaryInlineRewriter(scope.Matcher, scope.SelfUrl).Rewrite(document);
        }
    }

    private sealed record GlossaryScope(GlossaryTermMatcher Matcher, string? SelfUrl);
}
