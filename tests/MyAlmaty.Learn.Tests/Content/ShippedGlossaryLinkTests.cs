using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

public sealed partial class ShippedGlossaryLinkTests
{
    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\" class=\"term\"[^>]*>(?<text>[^<]+)</a>")]
    private static partial Regex TermLink();

    [Theory]
    [InlineData("ru", "urban-activist", "/ru/glossary/urban-activist")]
    [InlineData("kk", "urban-activist", "/kk/glossary/urban-activist")]
    [InlineData("ru", "smart-city-concept", "/ru/glossary/smart-city")]
    [InlineData("kk", "smart-city-concept", "/kk/glossary/smart-city")]
    public async Task Lessons_link_the_glossary_terms_they_mention_in_their_own_language(string culture, string lesson, string expectedLink)
    {
        await using var content = await ContentServices.CreateAsync();
        await content.ImportAsync(RepoPaths.Content);
        var renderer = content.Services.GetRequiredService<ContentRenderer>();

        var html = renderer.Render(content.Catalog.BySlug(culture, ContentTypeNames.Lesson, lesson)!).Html;

        var links = TermLink().Matches(html).Select(m => m.Groups["href"].Value).ToList();
        Assert.Contains(expectedLink, links);
        Assert.All(links, l => Assert.StartsWith($"/{culture}/glossary/", l));
    }

    [Fact]
    public async Task Kazakh_azamattyq_is_not_linked_to_the_term_azamat()
    {
        await using var content = await ContentServices.CreateAsync();
        await content.ImportAsync(RepoPaths.Content);
        var renderer = content.Services.GetRequiredService<ContentRenderer>();

        var wrong = content.Catalog.OfType("kk", ContentTypeNames.Lesson)
            .SelectMany(l => TermLink().Matches(renderer.Render(l).Html))
            .Where(m => m.Groups["href"].Value == "/kk/glossary/citizen")
            .Select(m => m.Groups["text"].Value)
            .Where(text => text.StartsWith("азаматтық", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(wrong);
    }
}
