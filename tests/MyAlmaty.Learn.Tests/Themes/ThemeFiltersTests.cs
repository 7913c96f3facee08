using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Tests.Themes;

public sealed class ThemeFiltersTests : IDisposable
{
    private readonly TempFolder _theme = new();
    private readonly ThemeRenderer _renderer;

    public ThemeFiltersTests()
    {
        _theme.Write("theme.json", "{\"name\":\"Test\"}");
        _theme.Write("views/layout.liquid", "{{ content }}");
        _theme.Write("views/dates.liquid", "{{ moment | local_date }}|{{ day | local_date }}");
        _theme.Write("views/words.liquid", "{{ \"{0} lesson\" | t }}|{{ n | plural: \"{0} lesson\", \"{0} lessons\" }}|{{ \"site.css\" | asset_url }}");
        _theme.Write("assets/site.css", "body{}");
        var location = new ThemeLocation(_theme.Path, ThemeManifest.Load(_theme.Path));
        var strings = new UiStrings(Path.Combine(AppContext.BaseDirectory, "Localization"));
        _renderer = new ThemeRenderer(location, new ThemeFilters(strings, new AlmatyClock(TimeProvider.System), new ThemeAssets(location)), watch: false);
    }

    [Theory]
    [InlineData("ru", "25 ноября 2026 г.|1 марта 2024 г.")]
    [InlineData("kk", "2026 жылғы 25 қараша|2024 жылғы 1 наурыз")]
    public async Task Dates_read_in_the_pages_language_and_Almaty_time(string culture, string expected)
    {
        var html = await _renderer.RenderAsync("dates", culture, new Dictionary<string, object?>
        {
            // 20:30 UTC on the 24th is already the 25th in Almaty (UTC+5).
            ["moment"] = new DateTime(2026, 11, 24, 20, 30, 0, DateTimeKind.Utc),
            ["day"] = new DateOnly(2024, 3, 1),
        });

        Assert.Equal(expected, html);
    }

    [Theory]
    [InlineData("ru", 5, "{0} урок|5 уроков|")]
    [InlineData("kk", 5, "{0} сабақ|5 сабақ|")]
    public async Task Strings_and_plurals_come_from_the_PO_files_and_assets_carry_a_content_hash(string culture, int n, string expected)
    {
        var html = await _renderer.RenderAsync("words", culture, new Dictionary<string, object?> { ["n"] = n });

        Assert.StartsWith(expected, html);
        Assert.Matches(@"/assets/site\.css\?v=[0-9a-f]{12}$", html);
    }

    public void Dispose() => _theme.Dispose();
}
