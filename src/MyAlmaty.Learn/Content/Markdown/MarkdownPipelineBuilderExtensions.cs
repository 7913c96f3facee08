using Markdig;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>Adds our Markdown extensions to a Markdig pipeline, in Markdig's <c>UseXxx()</c> style.</summary>
public static class MarkdownPipelineBuilderExtensions
{
    /// <summary><c>::: note</c> … <c>:::</c> blocks rendered as <c>&lt;div class="callout callout-note"&gt;</c>.</summary>
    public static MarkdownPipelineBuilder UseCallouts(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.UseCustomContainers();
        pipeline.Extensions.AddIfNotAlready<CalloutExtension>();
        return pipeline;
    }

    /// <summary>First mentions of glossary terms linked to their pages; see <see cref="GlossaryLinkExtension.UseGlossary"/>.</summary>
    public static MarkdownPipelineBuilder UseGlossaryLinks(this MarkdownPipelineBuilder pipeline)
    {
        pipeline.Extensions.AddIfNotAlready<GlossaryLinkExtension>();
        return pipeline;
    }
}
