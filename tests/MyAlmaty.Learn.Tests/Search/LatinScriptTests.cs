using System.Net;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>A reader may read Kazakh pages in the Latin alphabet; the choice is remembered and the stored text stays Cyrillic.</summary>
[Collection(SiteCollection.Name)]
public sealed class LatinScriptTests(SiteFixture fixture)
{
    [Fact]
    public async Task Choosing_latin_is_remembered_and_every_kazakh_page_is_shown_in_it()
    {
        using var reader = fixture.Site.NewClient();
        var choose = await reader.GetAsync("/kk/script/latn?return=%2Fkk%2Fglossary");
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/kk/glossary", choose.Headers.Location!.OriginalString);

        var (_, glossary) = await Html.GetAsync(reader, "/kk/glossary");
        var (_, course) = await Html.GetAsync(reader, "/kk/courses/smart-city");

        Assert.Equal("kk-Latn", glossary.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Terminder sözdıgı", glossary.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Aqyldy qala", course.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotMatch("[ә-ӿа-яё]", course.QuerySelector("main")!.TextContent.ToLowerInvariant());
        // The way back is written in Cyrillic, and the Russian switch stays Russian.
        Assert.Equal("Кирилл", course.QuerySelector("a.script-switch")!.TextContent.Trim());
        Assert.Equal("Русский", course.QuerySelector("a.lang-switch")!.TextContent.Trim());
    }

    [Fact]
    public async Task Cyrillic_readers_and_russian_pages_are_not_affected()
    {
        using var latin = fixture.Site.NewClient();
        await latin.GetAsync("/kk/script/latn?return=%2Fkk%2F");
        var (_, russian) = await Html.GetAsync(latin, "/ru/glossary");
        var (_, forLatin) = await Html.GetAsync(latin, "/kk/glossary");
        var (_, forCyrillic) = await Html.GetAsync(fixture.Site.NewClient(), "/kk/glossary");

        Assert.Equal("ru", russian.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Глоссарий", russian.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(russian.QuerySelector("a.script-switch"));
        Assert.Equal("Terminder sözdıgı", forLatin.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Терминдер сөздігі", forCyrillic.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Latyn", forCyrillic.QuerySelector("a.script-switch")!.TextContent.Trim());
    }

    [Fact]
    public async Task Going_back_to_cyrillic_is_remembered_too_and_only_local_pages_are_returned_to()
    {
        using var reader = fixture.Site.NewClient();
        await reader.GetAsync("/kk/script/latn?return=%2Fkk%2F");
        await reader.GetAsync("/kk/script/cyrl?return=%2Fkk%2F");
        var (_, page) = await Html.GetAsync(reader, "/kk/glossary");
        var away = await reader.GetAsync("/kk/script/latn?return=https%3A%2F%2Fexample.org%2F");
        var protocolRelative = await reader.GetAsync("/kk/script/latn?return=%2F%2Fexample.org%2F");

        Assert.Equal("Терминдер сөздігі", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/kk/", away.Headers.Location!.OriginalString);
        Assert.Equal("/kk/", protocolRelative.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Instant_results_follow_the_readers_alphabet()
    {
        using var reader = fixture.Site.NewClient();
        await reader.GetAsync("/kk/script/latn?return=%2Fkk%2F");

        using var json = System.Text.Json.JsonDocument.Parse(await reader.GetStringAsync("/kk/search.json?q=%D0%B1%D0%B0%D1%81%D1%82%D0%B0%D0%BC%D0%B0"));

        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.DoesNotMatch("[а-яәғқңөұүһі]", r.GetProperty("title").GetString()!.ToLowerInvariant()));
        Assert.Contains(results, r => r.GetProperty("title").GetString()!.Contains("<mark>bastama", StringComparison.OrdinalIgnoreCase));
        Assert.EndsWith("nätije", json.RootElement.GetProperty("summary").GetString());
    }

    [Fact]
    public void Text_and_readable_attributes_are_transliterated_but_addresses_values_scripts_and_other_languages_are_not()
    {
        const string html = """
            <html lang="kk"><head><title>Ақылды қала</title><meta name="description" content="Қала туралы"><script>var қ = "қала";</script><style>.қ{}</style></head>
            <body><a href="/kk/қала" title="Қала">Қала</a><img alt="Шоқан" src="/шоқан.png"><input value="қала" placeholder="Іздеу">
            <p lang="ru">Город <b>и</b> <span>люди</span></p><textarea>қала</textarea><p>ЖОБА — Чехов</p><!-- қала --></body></html>
            """;

        var latin = LatinScript.Transliterate(html);

        Assert.Contains("<html lang=\"kk-Latn\">", latin);
        Assert.Contains("<title>Aqyldy qala</title>", latin);
        Assert.Contains("content=\"Qala turaly\"", latin);
        Assert.Contains("var қ = \"қала\";", latin);
        Assert.Contains(".қ{}", latin);
        Assert.Contains("<a href=\"/kk/қала\" title=\"Qala\">Qala</a>", latin);
        Assert.Contains("alt=\"Şoqan\" src=\"/шоқан.png\"", latin);
        Assert.Contains("value=\"қала\" placeholder=\"Izdeu\"", latin);
        Assert.Contains("<p lang=\"ru\">Город <b>и</b> <span>люди</span></p>", latin);
        Assert.Contains("<textarea>қала</textarea>", latin);
        Assert.Contains("<p>JOBA — Chehov</p>", latin);
        Assert.Contains("<!-- қала -->", latin);
    }
}
