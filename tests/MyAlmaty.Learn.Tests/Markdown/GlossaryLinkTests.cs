using AngleSharp.Dom;
using MyAlmaty.Learn.Content.Markdown;

namespace MyAlmaty.Learn.Tests.Markdown;

public class GlossaryLinkTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static readonly GlossaryLink SmartCity =
        new("умный город", ["смарт-сити"], "/ru/glossary/smart-city", "Город, где данные служат жителям.");

    private static readonly GlossaryLink Activism =
        new("гражданский активизм", [], "/ru/glossary/civic-activism", "Участие жителей в жизни города.");

    private static readonly List<GlossaryLink> Glossary = [SmartCity, Activism];

    private static IElement Render(string markdown, IReadOnlyList<GlossaryLink>? glossary = null, string culture = "ru", string? selfUrl = null) =>
        SafeHtml.Parse(Renderer.Render(markdown, new MarkdownRenderContext(culture, glossary ?? Glossary, selfUrl)).Html);

    private static List<IElement> TermLinks(IElement body) => body.QuerySelectorAll("a.term").ToList();

    [Theory]
    [MemberData(nameof(GlossaryWordForms.Inflected), MemberType = typeof(GlossaryWordForms))]
    public void The_first_mention_links_to_the_term_as_written(string culture, string term, string written)
    {
        var glossary = new List<GlossaryLink> { new(term, [], "/glossary/term", "Коротко.") };

        var link = Assert.Single(TermLinks(Render($"Урок о том, как {written} меняют район.", glossary, culture)));

        Assert.Equal(written, link.TextContent);
        Assert.Equal("/glossary/term", link.GetAttribute("href"));
    }

    [Fact]
    public void The_term_link_carries_its_class_url_and_definition()
    {
        var html = Renderer.Render("Что такое умный город?", new MarkdownRenderContext("ru", Glossary)).Html;

        Assert.Contains(
            "<a href=\"/ru/glossary/smart-city\" class=\"term\" data-definition=\"Город, где данные служат жителям.\">умный город</a>",
            html);
    }

    [Fact]
    public void The_definition_is_html_encoded_in_its_attribute()
    {
        var tricky = new GlossaryLink("умный город", [], "/g", "Город \"данных\" & <жителей>\"><script>alert(1)</script>");

        var html = Renderer.Render("Умный город.", new MarkdownRenderContext("ru", [tricky])).Html;

        Assert.Contains("data-definition=\"Город &quot;данных&quot; &amp; &lt;жителей&gt;&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html);
        SafeHtml.AssertSafe(html);
        Assert.Equal(tricky.Definition, SafeHtml.Parse(html).QuerySelector("a.term")!.GetAttribute("data-definition"));
    }

    [Fact]
    public void Only_the_first_mention_of_a_term_is_linked()
    {
        var body = Render("Умный город — это идея.\n\nКаждый умный город начинается с людей. Умных городов много.");

        var link = Assert.Single(TermLinks(body));
        Assert.Equal("Умный город", link.TextContent);
        Assert.Equal("Умный город — это идея.", link.ParentElement!.TextContent);
    }

    [Fact]
    public void An_alias_is_a_mention_of_the_same_term()
    {
        var link = Assert.Single(TermLinks(Render("Проект смарт-сити. Потом умный город.")));

        Assert.Equal("смарт-сити", link.TextContent);
    }

    [Fact]
    public void Each_term_gets_its_own_first_link()
    {
        var links = TermLinks(Render("Умный город растёт там, где есть гражданский активизм. Умный город."));

        Assert.Equal(["/ru/glossary/smart-city", "/ru/glossary/civic-activism"], links.Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public void Text_already_inside_a_link_is_not_linked_again()
    {
        var body = Render("[Умный город](/ru/news/1) и <a href=\"/ru/news/2\">умном городе</a>, а потом умного города.");

        var link = Assert.Single(TermLinks(body));
        Assert.Equal("умного города", link.TextContent);
        Assert.Empty(body.QuerySelectorAll("a a"));
    }

    [Fact]
    public void Code_is_never_linked()
    {
        var body = Render("Код `умный город` и\n\n```\nумный город\n```\n\n<code>умный город</code> и наконец умный город.");

        var link = Assert.Single(TermLinks(body));
        Assert.Equal("P", link.ParentElement!.TagName);
        Assert.Equal("умный город", link.TextContent);
        Assert.Empty(body.QuerySelectorAll("code a, pre a"));
    }

    [Fact]
    public void Headings_are_never_linked()
    {
        var body = Render("## Умный город\n\nУмный город в тексте.");

        Assert.Empty(body.QuerySelectorAll("h2 a"));
        Assert.Equal("Умный город", Assert.Single(TermLinks(body)).TextContent);
    }

    [Fact]
    public void A_glossary_page_never_links_to_itself()
    {
        var body = Render("Умный город — это город, где гражданский активизм в цене.", selfUrl: "/ru/glossary/smart-city/");

        Assert.Equal(["/ru/glossary/civic-activism"], TermLinks(body).Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public void The_longest_term_is_linked_when_terms_overlap()
    {
        var activism = new GlossaryLink("активизм", [], "/ru/glossary/activism", "Деятельность.");

        var link = Assert.Single(TermLinks(Render("Основа — гражданского активизма.", [activism, Activism])));

        Assert.Equal("гражданского активизма", link.TextContent);
        Assert.Equal("/ru/glossary/civic-activism", link.GetAttribute("href"));
    }

    [Fact]
    public void Terms_are_linked_inside_emphasis_lists_tables_and_callouts()
    {
        var glossary = new List<GlossaryLink>
        {
            SmartCity,
            Activism,
            new("городской активист", [], "/ru/glossary/urban-activist", "Житель, который меняет город."),
            new("низовые гражданские инициативы", [], "/ru/glossary/grassroots", "Инициативы снизу."),
        };
        const string markdown = """
            Это *умный город*.

            - гражданского активизма пример

            | Кто |
            |-----|
            | городские активисты |

            ::: takeaways
            Важны низовые гражданские инициативы.
            :::
            """;

        var body = Render(markdown, glossary);

        Assert.Equal("EM", body.QuerySelector("a[href='/ru/glossary/smart-city']")!.ParentElement!.TagName);
        Assert.Equal("LI", body.QuerySelector("a[href='/ru/glossary/civic-activism']")!.ParentElement!.TagName);
        Assert.Equal("TD", body.QuerySelector("a[href='/ru/glossary/urban-activist']")!.ParentElement!.TagName);
        Assert.NotNull(body.QuerySelector("div.callout-takeaways a[href='/ru/glossary/grassroots']"));
    }

    [Theory]
    [InlineData("Про умного&nbsp;города.", "умного\u00A0города")]
    [InlineData("Про умного\u00A0города.", "умного\u00A0города")]
    [InlineData("Про умного\nгорода.", "умного\nгорода")]
    public void A_term_split_by_a_non_breaking_space_or_line_break_is_still_one_link(string markdown, string linked)
    {
        var link = Assert.Single(TermLinks(Render(markdown)));

        Assert.Equal(linked, link.TextContent);
    }

    [Fact]
    public void Text_around_a_link_is_kept_exactly()
    {
        var body = Render("До: умного города, после.");

        Assert.Equal("До: умного города, после.", body.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void Kazakh_lessons_link_kazakh_terms()
    {
        var glossary = new List<GlossaryLink>
        {
            new("азаматтық белсенділік", [], "/kk/glossary/civic-activism", "Тұрғындардың қатысуы."),
            new("ақылды қала", [], "/kk/glossary/smart-city", "Деректер тұрғындарға қызмет ететін қала."),
        };

        var links = TermLinks(Render("Азаматтық белсенділіктің мәні ақылды қаланың негізі. Ақылды қалалар.", glossary, "kk"));

        Assert.Equal(["Азаматтық белсенділіктің", "ақылды қаланың"], links.Select(l => l.TextContent));
    }

    [Fact]
    public void Without_a_glossary_nothing_is_linked()
    {
        Assert.Empty(TermLinks(Render("Умный город.", [])));
    }
}
