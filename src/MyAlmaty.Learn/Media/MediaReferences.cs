using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MyAlmaty.Learn.Media;

/// <summary>One picture of the library shown by a text: <c>![alt](media:{hash})</c>.</summary>
/// <param name="Hash">What follows «media:», in lower case (a hash of the library, or whatever was written).</param>
/// <param name="Alt">The alt text written in the brackets, if any: it is used instead of the library's.</param>
/// <param name="Line">The line of the text it is on, from 0.</param>
public sealed record MediaReference(string Hash, string? Alt, int Line);

/// <summary>
/// Finds the pictures of the media library a Markdown text shows, the way the site's pipeline reads
/// it: an image whose address is <c>media:</c> and a hash; written inside code it is only code.
/// </summary>
public static partial class MediaReferences
{
    public const string Scheme = "media:";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseCustomContainers().UseFigures().Build();

    [GeneratedRegex("^[0-9a-f]{16}$")]
    private static partial Regex HashPattern();

    public static bool IsHash(string text) => HashPattern().IsMatch(text);

    /// <summary>The reference an image's address makes, or null for an address that is not «media:…».</summary>
    public static string? HashOf(string? url) =>
        url is not null && url.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? url[Scheme.Length..].Trim().ToLowerInvariant() : null;

    public static IReadOnlyList<MediaReference> Find(string markdown)
    {
        if (!markdown.Contains(Scheme, StringComparison.OrdinalIgnoreCase)) return [];
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        return [.. document.Descendants<LinkInline>()
            .Where(l => l.IsImage && HashOf(l.Url) is not null)
            .Select(l => new MediaReference(HashOf(l.Url)!, AltOf(l), l.Line))];
    }

    /// <summary>The text written between the brackets, or null when there is none.</summary>
    public static string? AltOf(LinkInline image)
    {
        var text = new StringBuilder();
        Append(image, text);
        var alt = string.Join(' ', text.ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return alt.Length > 0 ? alt : null;
    }

    private static void Append(ContainerInline container, StringBuilder text)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content);
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline nested:
                    Append(nested, text);
                    break;
            }
        }
    }
}
