using System.Text.RegularExpressions;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

public partial class ShippedPoFilesTests
{
    private static readonly string SourceDirectory =
        Path.Combine(RepositoryRoot(), "src", "MyAlmaty.Learn.Web", "Localization");

    private static readonly PoCatalog Russian = PoParser.Load(Path.Combine(SourceDirectory, "ru.po"), "ru");
    private static readonly PoCatalog Kazakh = PoParser.Load(Path.Combine(SourceDirectory, "kk.po"), "kk");

    [Fact]
    public void Both_catalogs_parse_with_their_languages_plural_rules()
    {
        Assert.Equal(3, Russian.NPlurals);
        Assert.Equal(2, Kazakh.NPlurals);
        Assert.NotEmpty(Russian.Entries);
    }

    [Fact]
    public void Every_string_in_one_language_is_translated_in_the_other()
    {
        Assert.Equal(Keys(Russian), Keys(Kazakh));
        Assert.All(Russian.Entries, e => Assert.True(Kazakh.HasTranslation(e.Id, e.Context), $"kk.po lacks \"{e.Id}\""));
        Assert.All(Kazakh.Entries, e => Assert.True(Russian.HasTranslation(e.Id, e.Context), $"ru.po lacks \"{e.Id}\""));
    }

    [Fact]
    public void Every_translation_keeps_the_placeholders_of_its_source()
    {
        foreach (var entry in Russian.Entries.Concat(Kazakh.Entries))
        {
            var source = Placeholders(entry.Id + entry.IdPlural);
            Assert.All(entry.Translations, t => Assert.Equal(source, Placeholders(t)));
        }
    }

    [Theory]
    [InlineData("ru", 1, "1 урок", "1 минута")]
    [InlineData("ru", 2, "2 урока", "2 минуты")]
    [InlineData("ru", 45, "45 уроков", "45 минут")]
    [InlineData("kk", 1, "1 сабақ", "1 минут")]
    [InlineData("kk", 45, "45 сабақ", "45 минут")]
    public void The_site_counts_lessons_and_minutes_grammatically(string culture, long n, string lessons, string minutes)
    {
        var strings = new UiStrings(SourceDirectory);

        Assert.Equal(lessons, strings.Plural(culture, n, "{0} lesson", "{0} lessons"));
        Assert.Equal(minutes, strings.Plural(culture, n, "{0} minute", "{0} minutes"));
    }

    [Fact]
    public void The_build_puts_the_catalogs_next_to_the_site()
    {
        var strings = new UiStrings(Path.Combine(AppContext.BaseDirectory, "Localization"));

        Assert.Equal("Итоги сессий", strings.Get("ru", "Session summaries"));
        Assert.Equal("Сессия қорытындылары", strings.Get("kk", "Session summaries"));
    }

    private static string[] Keys(PoCatalog catalog) =>
        [.. catalog.Entries.Select(e => $"{e.Context}\u0004{e.Id}\u0004{e.IdPlural}").Order(StringComparer.Ordinal)];

    private static string[] Placeholders(string text) =>
        [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MyAlmaty.Learn.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No MyAlmaty.Learn.sln above {AppContext.BaseDirectory}.");
    }
}
