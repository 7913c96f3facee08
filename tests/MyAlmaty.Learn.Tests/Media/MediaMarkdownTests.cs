using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Media;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Media;

/// <summary>The Markdown side of pictures: how a reference is found, and that raw HTML cannot borrow the responsive attributes.</summary>
public sealed class MediaMarkdownTests
{
    private const string Hash = "0123456789abcdef";

    [Fact]
    public void References_are_found_as_the_pipeline_reads_them_with_their_line_and_own_alt_text()
    {
        var markdown = $"Текст.\n\n![](media:{Hash})\n\n- пункт с ![Двор  весной](MEDIA:{Hash.ToUpperInvariant()} \"подпись\")\n\n```\n![](media:ffffffffffffffff)\n```\n\n`![](media:eeeeeeeeeeeeeeee)` и [ссылка](media:dddddddddddddddd)";

        var references = MediaReferences.Find(markdown);

        Assert.Equal([new MediaReference(Hash, null, 2), new MediaReference(Hash, "Двор весной", 4)], references);
        Assert.Empty(MediaReferences.Find("Просто текст без картинок."));
    }

    [Theory]
    // Another site's address in srcset: a reader's browser would fetch it.
    [InlineData($"<img src=\"/media/{Hash}-480.webp\" srcset=\"https://evil.example/x.png 480w\" sizes=\"100vw\" loading=\"lazy\" alt=\"a\">", null, null, "lazy", null)]
    // Another picture: none of the responsive attributes.
    [InlineData($"<img src=\"https://example.org/a.png\" srcset=\"/media/{Hash}-480.webp 480w\" sizes=\"100vw\" loading=\"lazy\" decoding=\"async\" alt=\"a\">", null, null, null, null)]
    // The library's own: kept, except a value that is not one.
    [InlineData($"<img src=\"/media/{Hash}-480.webp\" srcset=\"/media/{Hash}-480.webp 480w, /media/{Hash}-960.webp 960w\" sizes=\"50vw\" loading=\"eager\" decoding=\"later\" alt=\"a\">",
        $"/media/{Hash}-480.webp 480w, /media/{Hash}-960.webp 960w", "50vw", "eager", null)]
    public void Raw_html_cannot_give_a_picture_responsive_attributes_pointing_anywhere_but_the_library(string html, string? srcset, string? sizes, string? loading, string? decoding)
    {
        var rendered = new MarkdownRenderer().Render(html, new MarkdownRenderContext("ru", [])).Html;

        var img = Html.Parse(rendered).QuerySelector("img")!;
        Assert.Equal((srcset, sizes, loading, decoding), (img.GetAttribute("srcset"), img.GetAttribute("sizes"), img.GetAttribute("loading"), img.GetAttribute("decoding")));
    }

    [Fact]
    public void Without_the_library_a_media_address_never_reaches_the_page()
    {
        var rendered = new MarkdownRenderer().Render($"До ![x](media:{Hash}) после", new MarkdownRenderContext("ru", [])).Html;

        Assert.DoesNotContain("media:", rendered);
    }
}
