namespace MyAlmaty.Learn.Content.Markdown;

// Placeholder until the Markdig pipeline lands.
public sealed record GlossaryLink(string Title, IReadOnlyList<string> Aliases, string Url, string Definition);
public sealed record MarkdownRenderContext(string Culture, IReadOnlyList<GlossaryLink> Glossary, string? SelfUrl = null);
public sealed record RenderedMarkdown(string Html, int WordCount, string PlainText);

public sealed class MarkdownRenderer
{
    public RenderedMarkdown Render(string markdown, MarkdownRenderContext context) =>
        new(System.Net.WebUtility.HtmlEncode(markdown), markdown.Split(' ').Length, markdown);
}
