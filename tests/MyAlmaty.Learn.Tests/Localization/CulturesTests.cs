using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

public class CulturesTests
{
    [Fact]
    public void The_site_speaks_Russian_and_Kazakh_with_Russian_first()
    {
        Assert.Equal(["ru", "kk"], Cultures.All);
        Assert.Equal("ru", Cultures.Default);
    }

    [Theory]
    [InlineData("ru", true)]
    [InlineData("kk", true)]
    [InlineData("en", false)]
    [InlineData("ru-RU", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_the_two_site_cultures_are_supported(string? culture, bool supported) =>
        Assert.Equal(supported, Cultures.IsSupported(culture));

    [Theory]
    [InlineData("ru", "ru-RU")]
    [InlineData("kk", "kk-KZ")]
    public void Each_culture_formats_as_its_country_variant(string culture, string expected)
    {
        Assert.Equal(expected, Cultures.Get(culture).Name);
        Assert.Same(Cultures.Get(culture), Cultures.Get(culture));
    }

    [Fact]
    public void The_other_culture_is_the_language_switch_target()
    {
        Assert.Equal("kk", Cultures.Other("ru"));
        Assert.Equal("ru", Cultures.Other("kk"));
    }

    [Fact]
    public void An_unknown_culture_is_a_programming_error_named_in_the_exception()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Cultures.Get("en"));
        Assert.Contains("'en'", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Cultures.Other("de"));
    }

    [Theory]
    [InlineData("en-US,kk;q=0.8,ru;q=0.5", "kk")]
    [InlineData("kk", "kk")]
    [InlineData("kk-KZ", "kk")]
    [InlineData("KK-kz,ru;q=0.9", "kk")]
    [InlineData("ru-RU,ru;q=0.9,kk;q=0.8", "ru")]
    [InlineData("ru;q=0.3, kk;q=0.7", "kk")]
    [InlineData("kk-KZ;q=0.9, en, ru;q=0.95", "ru")]
    [InlineData("kk;q=0, en", "ru")]
    [InlineData("en-US,en;q=0.9,de;q=0.8", "ru")]
    [InlineData("*", "ru")]
    [InlineData("", "ru")]
    [InlineData("   ", "ru")]
    [InlineData(null, "ru")]
    [InlineData("garbage;;;", "ru")]
    public void A_visitor_gets_the_best_weighted_site_language_from_their_browser(string? header, string expected) =>
        Assert.Equal(expected, Cultures.FromAcceptLanguage(header));
}
