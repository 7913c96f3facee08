using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

[Collection(SiteCollection.Name)]
public sealed class PageContentTests(SiteFixture site)
{
    [Theory]
    [InlineData("/ru/courses", "Курсы")]
    [InlineData("/kk/courses", "Курстар")]
    [InlineData("/ru/glossary", "Глоссарий")]
    [InlineData("/kk/glossary", "Терминдер сөздігі")]
    public async Task A_section_page_is_titled_after_its_section(string path, string title)
    {
        var (_, page) = await Html.GetAsync(site.Client, path);

        Assert.StartsWith(title, page.Title);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/ru/courses/grassroots/urban-activist", "Кто такой городской активист", " г.")]
    [InlineData("/kk/courses/grassroots/urban-activist", "Қалалық белсенді кім?", "жылғы")]
    public async Task A_lesson_shows_its_title_course_takeaways_and_date(string path, string title, string dateMark)
    {
        var (_, page) = await Html.GetAsync(site.Client, path);

        Assert.Equal(title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.StartsWith(title, page.Title);
        Assert.NotNull(page.QuerySelector("a[href$='/courses/grassroots']"));
        Assert.True(page.QuerySelectorAll(".takeaways li").Length >= 3);
        Assert.Contains(page.QuerySelectorAll("time"), t => t.TextContent.Contains(dateMark));
    }

    [Fact]
    public async Task A_lesson_links_glossary_terms_with_their_definitions()
    {
        var (_, page) = await Html.GetAsync(site.Client, "/ru/courses/grassroots/urban-activist");

        var terms = page.QuerySelectorAll("a.term");

        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.False(string.IsNullOrWhiteSpace(t.GetAttribute("data-definition"))));
        Assert.All(terms, t => Assert.StartsWith("/ru/glossary/", t.GetAttribute("href")));
    }

    [Fact]
    public async Task A_not_found_page_claims_no_translations()
    {
        var (_, page) = await Html.GetAsync(site.Client, "/ru/nope");

        Assert.Empty(page.QuerySelectorAll("link[rel=alternate]"));
    }
}
