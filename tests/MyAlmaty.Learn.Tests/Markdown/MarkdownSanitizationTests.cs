using MyAlmaty.Learn.Content.Markdown;

namespace MyAlmaty.Learn.Tests.Markdown;

public class MarkdownSanitizationTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> XssPayloads => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\">",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](<javascript:alert(1)>)",
        "![x](javascript:alert(1))",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>",
        "<a href=\" \x01javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x0A;ascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "![x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
        "[x](data:text/html,<script>alert(1)</script>)",
        "<details open ontoggle=alert(1)>x</details>",
        "<form action=\"https://evil.example\"><input name=q><button formaction=javascript:alert(1)>go</button></form>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=import href=\"https://evil.example/x.html\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "[x](https://ok.example \"\\\"><script>alert(1)</script>\")",
        "<a title='\"><script>alert(1)</script>' href=\"/ok\">x</a>",
        "<javascript:alert(1)>",
        "[x][evil]\n\n[evil]: javascript:alert(1)",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\" onmouseover=alert(1)>x</a>",
        "<body onload=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<p>ok <span onpointerenter=alert(1)>hover</span></p>",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "::: note\n<img src=x onerror=alert(1)>\n:::",
        "| a |\n|---|\n| <script>alert(1)</script> |",
        "*<img src=x onerror=alert(1)>*",
        "<a href=\"vBsCrIpT:msgbox(1)\">x</a>",
    };

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void Script_never_survives_rendering(string payload)
    {
        var html = Renderer.Render(payload, new MarkdownRenderContext("ru", [])).Html;

        SafeHtml.AssertSafe(html);
    }

    [Theory]
    [MemberData(nameof(XssPayloads))]
    public void Script_never_survives_inside_an_ordinary_lesson(string payload)
    {
        var markdown = $"## Урок\n\nУмный город начинается с жителей.\n\n{payload}\n\nКонец урока.";
        var glossary = new List<GlossaryLink> { new("умный город", [], "/ru/glossary/smart-city", "Город, где данные служат жителям.") };

        var rendered = Renderer.Render(markdown, new MarkdownRenderContext("ru", glossary));

        SafeHtml.AssertSafe(rendered.Html);
        Assert.Contains("<h2 id=\"урок\">Урок</h2>", rendered.Html);
        Assert.Contains("Конец урока.", rendered.PlainText);
    }

    [Fact]
    public void Ordinary_markdown_survives_sanitizing()
    {
        const string markdown = """
            ## Что такое низовые инициативы

            Текст с *курсивом*, **жирным**, ~~зачёркнутым~~ и `кодом`.

            - первый пункт
            - второй пункт

            1. шаг
            2. шаг

            > Цитата жителя

            | Район | Инициатив |
            |-------|----------:|
            | Медеу | 12 |

            [Следующий урок](/ru/courses/grassroots/lesson-2 "Дальше")
            [Сайт акимата](https://www.gov.kz/memleket/entities/almaty)
            [Написать нам](mailto:team@example.kz)

            ![Карта района](https://example.kz/map.png)
            ![Схема](/media/scheme.png)

            ::: note
            Запомните это.
            :::

            ::: takeaways
            - Главное
            :::

            ```
            var x = 1;
            ```

            ---
            """;

        var html = Renderer.Render(markdown, new MarkdownRenderContext("ru", [])).Html;

        Assert.Contains("<h2 id=\"что-такое-низовые-инициативы\">Что такое низовые инициативы</h2>", html);
        Assert.Contains("<em>курсивом</em>", html);
        Assert.Contains("<strong>жирным</strong>", html);
        Assert.Contains("<del>зачёркнутым</del>", html);
        Assert.Contains("<code>кодом</code>", html);
        Assert.Contains("<ul>\n<li>первый пункт</li>\n<li>второй пункт</li>\n</ul>", html);
        Assert.Contains("<ol>\n<li>шаг</li>", html);
        Assert.Contains("<blockquote>\n<p>Цитата жителя</p>\n</blockquote>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<th>Район</th>", html);
        Assert.Contains("<td>Медеу</td>", html);
        Assert.Contains("<a href=\"/ru/courses/grassroots/lesson-2\" title=\"Дальше\">Следующий урок</a>", html);
        Assert.Contains("<a href=\"https://www.gov.kz/memleket/entities/almaty\" rel=\"noopener nofollow\">Сайт акимата</a>", html);
        Assert.Contains("<a href=\"mailto:team@example.kz\">Написать нам</a>", html);
        Assert.Contains("<img src=\"https://example.kz/map.png\" alt=\"Карта района\">", html);
        Assert.Contains("<img src=\"/media/scheme.png\" alt=\"Схема\">", html);
        Assert.Contains("<div class=\"callout callout-note\"><p>Запомните это.</p>\n</div>", html);
        Assert.Contains("<div class=\"callout callout-takeaways\">", html);
        Assert.Contains("<pre><code>var x = 1;\n</code></pre>", html);
        Assert.Contains("<hr>", html);
    }

    [Fact]
    public void Links_to_other_sites_get_noopener_nofollow_and_our_own_do_not()
    {
        const string markdown = """
            [внешняя](https://other.example/page) [протокол](//cdn.example/x) [своя](/ru/glossary) [якорь](#razdel)
            <a href="https://other.example/raw" rel="opener" target="_blank">сырая</a> https://auto.example
            """;

        var body = SafeHtml.Parse(Renderer.Render(markdown, new MarkdownRenderContext("ru", [])).Html);
        var links = body.QuerySelectorAll("a").ToDictionary(a => a.TextContent, a => a.GetAttribute("rel"));

        Assert.Equal("noopener nofollow", links["внешняя"]);
        Assert.Equal("noopener nofollow", links["протокол"]);
        Assert.Equal("noopener nofollow", links["сырая"]);
        Assert.Equal("noopener nofollow", links["https://auto.example"]);
        Assert.Null(links["своя"]);
        Assert.Null(links["якорь"]);
        Assert.All(body.QuerySelectorAll("a"), a => Assert.False(a.HasAttribute("target")));
    }

    [Fact]
    public void Raw_html_is_allowed_but_reduced_to_content_markup()
    {
        const string markdown = """
            <figure class="photo"><img src="/media/park.jpg" alt="Парк" style="width:100%"><figcaption>Парк <abbr title="Алматы">Алм.</abbr></figcaption></figure>
            """;

        var html = Renderer.Render(markdown, new MarkdownRenderContext("ru", [])).Html;

        Assert.Contains("<figure class=\"photo\"><img src=\"/media/park.jpg\" alt=\"Парк\"><figcaption>Парк <abbr title=\"Алматы\">Алм.</abbr></figcaption></figure>", html);
    }

    [Fact]
    public void Ids_are_kept_on_headings_only()
    {
        var html = Renderer.Render("<div id=\"location\">x</div>\n\n## Раздел", new MarkdownRenderContext("ru", [])).Html;

        Assert.Contains("<div>x</div>", html);
        Assert.Contains("<h2 id=\"раздел\">Раздел</h2>", html);
    }
}
