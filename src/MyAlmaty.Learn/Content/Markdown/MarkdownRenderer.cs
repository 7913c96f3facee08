using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.AutoLinks;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Renders lesson, glossary and summary Markdown to safe HTML. One Markdig pipeline is built
/// once and shared; register as a singleton. Thread-safe.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline;
    private readonly MarkdownHtmlSanitizer _sanitizer = new();

    public MarkdownRenderer()
        : this([])
    {
    }

    /// <summary>The site's pipeline with the extensions features add (see <see cref="ContentMarkdownServiceCollectionExtensions.AddMarkdownExtension{T}"/>).</summary>
    public MarkdownRenderer(IEnumerable<IMarkdownExtension> extensions)
    {
        _pipeline = CreatePipeline(extensions);
    }

    // Keyed by list instance: a glossary is loaded once and rendered with many times.
    private readonly ConditionalWeakTable<IReadOnlyList<GlossaryLink>, ConcurrentDictionary<string, GlossaryTermMatcher>> _matchers = new();

    public RenderedMarkdown Render(string markdown, MarkdownRenderContext context)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(context);

        var parserContext = new MarkdownParserContext();
        // Extensions read the culture and the page of this render from here (see MarkdownRenderContext.Of).
        parserContext.Properties[typeof(MarkdownRenderContext)] = context;
        if (context.Glossary.Count > 0)
        {
            GlossaryLinkExtension.UseGlossary(parserContext, MatcherFor(context), context.SelfUrl);
        }

        var document = Markdig.Markdown.Parse(markdown, _pipeline, parserContext);
        var body = _sanitizer.Sanitize(document.ToHtml(_pipeline));
        var words = PlainText.CountWords(PlainText.Extract(body, images: false));
        return new RenderedMarkdown(MarkdownHtmlSanitizer.Serialize(body), words, PlainText.Extract(body, images: true));
    }

    /// <summary>
    /// The text a reader sees of <paramref name="markdown"/>: the same as <see cref="RenderedMarkdown.PlainText"/>
    /// of <see cref="Render"/> (glossary links change no text), without making the page's HTML. Markdown
    /// without raw HTML is read straight from its syntax tree; raw HTML goes through the sanitizer,
    /// which alone knows what of it a reader gets to see.
    /// </summary>
    public string VisibleText(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdig.Markdown.Parse(markdown, _pipeline);
        var text = new StringBuilder(markdown.Length);
        return VisibleTextWriter.TryWrite(document, text)
            ? PlainText.Lines(text)
            : PlainText.Extract(_sanitizer.Sanitize(document.ToHtml(_pipeline)), images: true);
    }

    // Smarty pants stays out: authors already type « » and —, and it would rewrite code-like text.
    private static MarkdownPipeline CreatePipeline(IEnumerable<IMarkdownExtension> extensions)
    {
        var builder = new MarkdownPipelineBuilder()
            .UseAbbreviations()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseCallouts()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseFigures()
            .UsePipeTables()
            .UseAutoLinks(new AutoLinkOptions { UseHttpsForWWWLinks = true })
            .UseGlossaryLinks();
        foreach (var extension in extensions)
        {
            if (!builder.Extensions.Contains(extension)) builder.Extensions.Add(extension);
        }
        return builder.Build();
    }

    private GlossaryTermMatcher MatcherFor(MarkdownRenderContext context) =>
        _matchers
            .GetValue(context.Glossary, _ => new ConcurrentDictionary<string, GlossaryTermMatcher>(StringComparer.OrdinalIgnoreCase))
            .GetOrAdd(context.Culture, culture => new GlossaryTermMatcher(context.Glossary, culture));
}
