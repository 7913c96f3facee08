using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Markdown;

namespace MyAlmaty.Learn.Tests.Markdown;

public class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static RenderedMarkdown Render(string markdown, string culture = "ru") =>
        Renderer.Render(markdown, new MarkdownRenderContext(culture, []));

    [Theory]
    [InlineData("Привет, мир!", 2)]
    [InlineData("Ақылды қала — тұрғындарға арналған.", 4)]
    [InlineData("Что-то «новое» в 2024 году", 5)]
    [InlineData("# Заголовок\n\nОдин **два** [три](/x) `четыре`\n\n- пять\n- шесть", 7)]
    [InlineData("Ёлка и её шары", 4)]
    [InlineData("![картинка](/a.png) — и точка.", 2)]
    [InlineData("", 0)]
    public void Word_count_counts_the_words_a_reader_sees(string markdown, int words)
    {
        Assert.Equal(words, Render(markdown).WordCount);
    }

    [Fact]
    public void Word_count_ignores_sanitized_away_content()
    {
        Assert.Equal(2, Render("Два слова\n\n<script>var a = 1; alert(a)</script>").WordCount);
    }

    [Fact]
    public void Plain_text_has_no_markup_and_one_line_per_block()
    {
        const string markdown = """
            ## Заголовок

            Первый **абзац** со [ссылкой](/x)
            на две строки.

            - пункт один
            - пункт два

            | А | Б |
            |---|---|
            | 1 | 2 |
            """;

        Assert.Equal(
            "Заголовок\nПервый абзац со ссылкой на две строки.\nпункт один\nпункт два\nА Б\n1 2",
            Render(markdown).PlainText);
    }

    [Fact]
    public void Plain_text_decodes_entities()
    {
        Assert.Equal("«Мы» & «они» < всех", Render("«Мы» &amp; «они» &lt; всех").PlainText);
    }

    [Theory]
    [InlineData("note")]
    [InlineData("takeaways")]
    [InlineData("warning")]
    public void Callouts_render_as_a_div_with_the_callout_classes(string kind)
    {
        var html = Render($"::: {kind}\nТекст\n:::").Html;

        Assert.StartsWith($"<div class=\"callout callout-{kind}\"><p>Текст</p>", html);
    }

    [Fact]
    public void A_callout_kind_that_is_not_a_simple_name_only_gets_the_base_class()
    {
        var html = Render("::: Note\" onclick=\"alert(1)\nТекст\n:::").Html;

        Assert.StartsWith("<div class=\"callout\"><p>Текст</p>", html);
    }

    [Fact]
    public void Headings_get_readable_ids_in_both_languages()
    {
        var html = Render("## Умный город\n\n## Ақылды қала").Html;

        Assert.Contains("<h2 id=\"умный-город\">Умный город</h2>", html);
        Assert.Contains("<h2 id=\"ақылды-қала\">Ақылды қала</h2>", html);
    }

    [Fact]
    public void Quotes_and_dashes_are_left_as_the_author_typed_them()
    {
        Assert.Equal("<p>\"Так\" -- и 'так' — «так»</p>", Render("\"Так\" -- и 'так' — «так»").Html.Trim());
    }

    [Fact]
    public void Rendering_from_many_threads_gives_the_same_result_as_one()
    {
        var ru = new List<GlossaryLink> { new("умный город", [], "/ru/g/1", "Определение.") };
        var kk = new List<GlossaryLink> { new("ақылды қала", [], "/kk/g/1", "Анықтама.") };
        var jobs = Enumerable.Range(0, 200)
            .Select(i => i % 2 == 0
                ? (Markdown: $"Абзац {i}: умного города и умный город.", Context: new MarkdownRenderContext("ru", ru))
                : (Markdown: $"Абзац {i}: ақылды қаланың және ақылды қала.", Context: new MarkdownRenderContext("kk", kk)))
            .ToList();
        var expected = jobs.Select(j => new MarkdownRenderer().Render(j.Markdown, j.Context)).ToList();

        var actual = new RenderedMarkdown[jobs.Count];
        Parallel.For(0, jobs.Count, i => actual[i] = Renderer.Render(jobs[i].Markdown, jobs[i].Context));

        Assert.Equal(expected, actual);
        Assert.All(actual, r => Assert.Single(SafeHtml.Parse(r.Html).QuerySelectorAll("a.term")));
    }

    [Fact]
    public void The_renderer_is_registered_once_as_a_singleton()
    {
        var services = new ServiceCollection().AddMarkdownRendering().AddMarkdownRendering();

        using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(MarkdownRenderer) && d.Lifetime == ServiceLifetime.Singleton);
        Assert.Same(provider.GetRequiredService<MarkdownRenderer>(), provider.GetRequiredService<MarkdownRenderer>());
    }
}
