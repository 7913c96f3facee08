namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>The result of rendering Markdown.</summary>
/// <param name="Html">Sanitized HTML, safe to insert into a page without further encoding.</param>
/// <param name="WordCount">Words a reader reads in the running text, for reading-time estimates (images' alternative text not counted).</param>
/// <param name="PlainText">
/// The visible text without markup, one line per block, images as their alternative text: what a
/// reader gets of the page, for search and meta descriptions.
/// </param>
public sealed record RenderedMarkdown(string Html, int WordCount, string PlainText);
