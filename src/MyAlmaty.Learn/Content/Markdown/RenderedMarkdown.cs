namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>The result of rendering Markdown.</summary>
/// <param name="Html">Sanitized HTML, safe to insert into a page without further encoding.</param>
/// <param name="WordCount">Words a reader sees, for reading-time estimates.</param>
/// <param name="PlainText">The visible text without markup, one line per block, for search and meta descriptions.</param>
public sealed record RenderedMarkdown(string Html, int WordCount, string PlainText);
