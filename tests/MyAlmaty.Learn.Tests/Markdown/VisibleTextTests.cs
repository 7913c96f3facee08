using System.Text;
using MyAlmaty.Learn.Content.Markdown;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Markdown;

/// <summary>
/// <see cref="MarkdownRenderer.VisibleText"/> reads the text from the syntax tree instead of the
/// sanitized page; it must give exactly what the page shows, or search would index something else.
/// </summary>
public sealed class VisibleTextTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static string Rendered(string markdown) => Renderer.Render(markdown, new MarkdownRenderContext("ru", [])).PlainText;

    [Fact]
    public void Every_shipped_body_has_the_visible_text_of_its_rendered_page()
    {
        var files = Directory.GetFiles(RepoPaths.Content, "*.md", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var body = text[(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
            Assert.True(Rendered(body) == Renderer.VisibleText(body), $"{Path.GetFileName(file)}: the visible text differs from the rendered page's");
        }
    }

    /// <summary>Every construct of the pipeline, alone and in odd company, against the rendered page.</summary>
    [Theory]
    [InlineData("# Заголовок\n\nАбзац на\nдве строки.\n\n---\n\nЕщё  \nжёсткий перенос\\\nи конец.")]
    [InlineData("- один\n- два\n\n  второй абзац\n\n1. a\n2. b\n\na. альфа\nb. бета\n\n- тесный\n  - вложенный")]
    [InlineData("- ::: note\n  первый\n\n  второй\n  :::\n- > цитата\n  >\n  > вторая")]
    [InlineData("| А | Б |\n|:-:|--:|\n| *в* | `г|д` |\n| | е |")]
    [InlineData("::: note\nЗаметка\n:::\n\n::: warning\nОсторожно\n:::\n\n:::\nбез вида\n:::")]
    [InlineData("*[ЕНПФ]: Единый накопительный пенсионный фонд\n\nВзносы в ЕНПФ.")]
    [InlineData("^^^\n![Парк](/media/park.jpg)\n^^^ Парк *весной*")]
    [InlineData("![альт *с* `кодом`](a.png)после [![вложенная](i.png)](u) ![](b.png)текст ![a\nb](c)")]
    [InlineData("[ссылка\n](u)вплотную, <https://example.kz/путь> и www.example.kz, https://example.kz/x, <me@example.kz>")]
    [InlineData("~~del~~ ~sub~ ^sup^ ++ins++ ==mark== ::span:: **не закрыто")]
    [InlineData("&copy; &amp; &#1234; &nosuch; \\*звёздочки\\* `<b>код</b>`")]
    [InlineData("    отступ\n    код\n\n```js\nvar a = 1 < 2;\n```")]
    [InlineData("[r]\n\n[r]: /u \"заголовок\"\n\n> [!NOTE]\n> Как на GitHub")]
    [InlineData("Текст <span title=\"t\">видно</span> <!-- нет -->\n\n<div>\nблок <script>x()</script>\n</div>\n\n<style>p{}</style>")]
    [InlineData("")]
    public void Visible_text_is_the_rendered_pages_text(string markdown)
    {
        Assert.Equal(Rendered(markdown), Renderer.VisibleText(markdown));
    }

    [Fact]
    public void Visible_text_is_the_rendered_pages_text_with_odd_characters()
    {
        // «&{» makes the sanitizer drop an image's alternative text; NUL, no-break space, line separator, carriage returns.
        const string markdown = "![&{скрипт}](a.png) и \0 и\u00a0неразрывный\u2028разделитель\r\nстрока\rещё";

        Assert.Equal(Rendered(markdown), Renderer.VisibleText(markdown));
    }

    /// <summary>Random Markdown from the pipeline's syntax and raw HTML: thousands of documents no one would write, all the same.</summary>
    [Fact]
    public void Visible_text_is_the_rendered_pages_text_for_random_markdown()
    {
        string[] tokens =
        [
            "слово", "сөз", "word", " ", " ", "\n", "\n", "\n\n", "*", "**", "_", "~", "~~", "^", "+", "==", "`", "```", "    ", "\t",
            "#", "## ", "> ", "- ", "  - ", "1. ", "a. ", "|", "| a | b |\n|---|---|\n", ":::", "::: note\n", "::", "[", "]", "(", ")",
            "![", "](u.png)", "](https://x.kz/p)", "\"", "<", ">", "&", "&amp;", "&copy;", "\\", "  \n", "---", "^^^", "*[AB]: Alpha Beta\n",
            "AB", "www.x.kz", "<https://z.kz>", "[r]", "[r]: /u\n", "«", "—", "\u00a0", "\r\n", "{", ".", "!", ":", "\0",
            "<b>", "</b>", "<!-- c -->", "<script>x</script>", "<div>\n", "</div>", "<img alt=\"q\">", "<span title=\"t\">",
        ];
        var random = new Random(20260101);
        for (var n = 0; n < 3000; n++)
        {
            var markdown = new StringBuilder();
            for (var i = random.Next(1, 40); i > 0; i--) markdown.Append(tokens[random.Next(tokens.Length)]);
            var text = markdown.ToString();
            Assert.True(Rendered(text) == Renderer.VisibleText(text), $"differs for «{text}»: page «{Rendered(text)}», visible text «{Renderer.VisibleText(text)}»");
        }
    }

    [Theory]
    [InlineData("Видно.\n\n<script>alert('скрипт')</script>", "скрипт")]
    [InlineData("Видно.\n\n<style>.стиль { color: red }</style>", "стиль")]
    [InlineData("Видно <!-- комментарий -->.", "комментарий")]
    [InlineData("<span title=\"подсказка\">Видно</span>.", "подсказка")]
    [InlineData("[Видно](https://example.kz/адрес \"заголовок\").", "адрес")]
    [InlineData("[Видно](https://example.kz/адрес \"заголовок\").", "заголовок")]
    [InlineData("::: warning\nВидно.\n:::", "warning")]
    [InlineData("*[ВИ]: расшифровка\n\nВидно ВИ.", "расшифровка")]
    public void What_readers_do_not_see_is_not_in_the_text(string markdown, string hidden)
    {
        var text = Renderer.VisibleText(markdown);

        Assert.Contains("Видно", text);
        Assert.DoesNotContain(hidden, text);
    }

    [Fact]
    public void An_image_stands_as_its_alternative_text_but_is_not_counted_as_reading()
    {
        const string markdown = "![Карта районов](/media/map.png) — и точка.";

        Assert.Equal("Карта районов — и точка.", Renderer.VisibleText(markdown));
        Assert.Equal("Карта районов — и точка.", Renderer.Render(markdown, new MarkdownRenderContext("ru", [])).PlainText);
        Assert.Equal(2, Renderer.Render(markdown, new MarkdownRenderContext("ru", [])).WordCount);
    }
}
