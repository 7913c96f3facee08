using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Turns Markdig's custom containers (<c>::: note</c>, <c>::: takeaways</c> …) into callout boxes:
/// <c>&lt;div class="callout callout-note"&gt;</c>, so themes style one family of classes.
/// Needs <see cref="CustomContainerExtension"/> earlier in the pipeline.
/// </summary>
public sealed partial class CalloutExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        var containers = pipeline.BlockParsers.Find<CustomContainerParser>()
            ?? throw new InvalidOperationException("Callouts are built on custom containers: add UseCustomContainers() before this extension.");
        containers.Closed -= OnContainerClosed;
        containers.Closed += OnContainerClosed;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    private static void OnContainerClosed(BlockProcessor processor, Block block)
    {
        if (block is not CustomContainer container)
        {
            return;
        }

        // Replace the class Markdig derived from the info string, which an author could make anything.
        var attributes = container.GetAttributes();
        attributes.Classes?.Clear();
        attributes.AddClass("callout");
        var kind = container.Info?.Trim().ToLowerInvariant();
        if (kind is not null && CalloutKind().IsMatch(kind))
        {
            attributes.AddClass("callout-" + kind);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex CalloutKind();
}
