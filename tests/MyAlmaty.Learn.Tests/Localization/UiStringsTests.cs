using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

public sealed class UiStringsTests : IDisposable
{
    private readonly TempPoDirectory _directory = new(
        russianBody: """
            msgid "Courses"
            msgstr "Курсы"

            msgid "Hello, {0}!"
            msgstr "Здравствуйте, {0}!"

            msgid "Glossary"
            msgstr ""

            #, fuzzy
            msgid "Drafts"
            msgstr "Черновики"

            msgid "Signed in as {0}"
            msgstr "Вы вошли как {1}"

            msgid "{0} lesson"
            msgid_plural "{0} lessons"
            msgstr[0] "{0} урок"
            msgstr[1] "{0} урока"
            msgstr[2] "{0} уроков"

            msgid "{0} lesson in {1}"
            msgid_plural "{0} lessons in {1}"
            msgstr[0] "{0} урок в курсе «{1}»"
            msgstr[1] "{0} урока в курсе «{1}»"
            msgstr[2] "{0} уроков в курсе «{1}»"
            """,
        kazakhBody: """
            msgid "Courses"
            msgstr "Курстар"

            msgid "{0} lesson"
            msgid_plural "{0} lessons"
            msgstr[0] "{0} сабақ"
            msgstr[1] "{0} сабақ"
            """);

    private UiStrings Strings => new(_directory.Path);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_string_is_shown_in_the_visitors_language()
    {
        Assert.Equal("Курсы", Strings.Get("ru", "Courses"));
        Assert.Equal("Курстар", Strings.Get("kk", "Courses"));
    }

    [Fact]
    public void Arguments_are_filled_into_the_translation() =>
        Assert.Equal("Здравствуйте, Айгерим!", Strings.Get("ru", "Hello, {0}!", "Айгерим"));

    [Theory]
    [InlineData("kk", "Hello, {0}!")]
    [InlineData("ru", "Glossary")]
    [InlineData("ru", "Drafts")]
    [InlineData("ru", "Not in any catalog")]
    public void A_missing_empty_or_fuzzy_translation_falls_back_to_the_English_source(string culture, string msgid) =>
        Assert.Equal(string.Format(msgid, "Айгерим"), Strings.Get(culture, msgid, "Айгерим"));

    [Fact]
    public void Arguments_are_formatted_in_the_visitors_culture()
    {
        Assert.Equal("Fee: 1\u00A0234,50", Strings.Get("ru", "Fee: {0:N2}", 1234.5m));
        Assert.Equal("Fee: 1\u00A0234,50", Strings.Get("kk", "Fee: {0:N2}", 1234.5m));
    }

    [Fact]
    public void Text_without_arguments_is_shown_as_written_even_with_braces() =>
        Assert.Equal("Use {curly} braces", Strings.Get("ru", "Use {curly} braces"));

    [Fact]
    public void A_translation_with_a_broken_placeholder_shows_the_source_instead_of_failing() =>
        Assert.Equal("Signed in as Айгерим", Strings.Get("ru", "Signed in as {0}", "Айгерим"));

    [Theory]
    [InlineData("ru", 1, "1 урок")]
    [InlineData("ru", 3, "3 урока")]
    [InlineData("ru", 5, "5 уроков")]
    [InlineData("ru", 21, "21 урок")]
    [InlineData("ru", 1000, "1\u00A0000 уроков")]
    [InlineData("kk", 1, "1 сабақ")]
    [InlineData("kk", 5, "5 сабақ")]
    [InlineData("kk", 1000, "1\u00A0000 сабақ")]
    public void A_count_takes_the_right_form_and_is_grouped_with_a_no_break_space(string culture, long n, string expected) =>
        Assert.Equal(expected, Strings.Plural(culture, n, "{0} lesson", "{0} lessons"));

    [Theory]
    [InlineData(0, "0 hours")]
    [InlineData(1, "1 hour")]
    [InlineData(2, "2 hours")]
    public void An_untranslated_plural_falls_back_to_the_English_rule(long n, string expected) =>
        Assert.Equal(expected, Strings.Plural("kk", n, "{0} hour", "{0} hours"));

    [Fact]
    public void Further_arguments_follow_the_count() =>
        Assert.Equal("2 урока в курсе «Смарт-сити»", Strings.Plural("ru", 2, "{0} lesson in {1}", "{0} lessons in {1}", "Смарт-сити"));

    [Fact]
    public void A_count_placeholder_can_ask_for_plain_digits() =>
        Assert.Equal("Year 2026", Strings.Plural("ru", 2026, "Year {0:D}", "Year {0:D}"));

    [Fact]
    public void An_unknown_culture_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Strings.Get("en", "Courses"));

    [Fact]
    public void A_missing_catalog_stops_the_site_from_starting_with_the_path_named()
    {
        File.Delete(Path.Combine(_directory.Path, "kk.po"));

        var error = Assert.Throws<FileNotFoundException>(() => Strings);

        Assert.Contains(Path.Combine(_directory.Path, "kk.po"), error.Message);
    }

    [Fact]
    public void A_broken_catalog_stops_the_site_from_starting_with_file_and_line()
    {
        File.AppendAllText(Path.Combine(_directory.Path, "ru.po"), "\nmsgid \"Courses\"\nmsgstr \"Курсы\"\n");

        var error = Assert.Throws<PoFormatException>(() => Strings);

        Assert.StartsWith("ru.po, line ", error.Message);
        Assert.Contains("msgid \"Courses\" is already defined on line 6", error.Message);
    }
}
