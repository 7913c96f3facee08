namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>What a single render needs to know about where the text will be shown.</summary>
/// <param name="Culture">The culture of the text (<c>ru</c> or <c>kk</c>); it decides how term word forms are recognised.</param>
/// <param name="Glossary">
/// Terms to link. Pass the same list instance for the same glossary: matchers are cached per list,
/// so a list must not be changed after it has been rendered with.
/// </param>
/// <param name="SelfUrl">The URL of the page being rendered, so a glossary page never links to itself.</param>
public sealed record MarkdownRenderContext(string Culture, IReadOnlyList<GlossaryLink> Glossary, string? SelfUrl = null)
{
    /// <summary>The context of the render a Markdig parser context belongs to, for extensions; null outside <see cref="MarkdownRenderer.Render"/>.</summary>
    public static MarkdownRenderContext? Of(Markdig.MarkdownParserContext? parser) =>
        parser is not null && parser.Properties.TryGetValue(typeof(MarkdownRenderContext), out var value) ? value as MarkdownRenderContext : null;
}
