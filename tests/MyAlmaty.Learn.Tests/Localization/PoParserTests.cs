using System.Text;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

public class PoParserTests
{
    [Fact]
    public void A_catalog_knows_its_culture_plural_count_and_entries_but_not_the_header()
    {
        var catalog = PoText.ParseRussian("""
            msgid "Courses"
            msgstr "Курсы"
            """);

        Assert.Equal("ru", catalog.Culture);
        Assert.Equal(3, catalog.NPlurals);
        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(("Courses", 6), (entry.Id, entry.LineNumber));
        Assert.True(catalog.TryGet("Courses", null, out var value));
        Assert.Equal("Курсы", value);
    }

    [Fact]
    public void Strings_continued_over_several_lines_are_joined()
    {
        var catalog = PoText.ParseRussian("""
            msgid ""
            "After the session, "
            "read the summary."
            msgstr ""
            "После встречи "
            "прочитайте итоги."
            """);

        Assert.True(catalog.TryGet("After the session, read the summary.", null, out var value));
        Assert.Equal("После встречи прочитайте итоги.", value);
    }

    [Fact]
    public void C_escapes_are_decoded_in_msgid_and_msgstr()
    {
        var catalog = PoText.ParseRussian("""
            msgid "Press \"Save\"\tthen\\or\nnot"
            msgstr "Нажмите \"Сохранить\"\tзатем\\или\nнет"
            """);

        Assert.True(catalog.TryGet("Press \"Save\"\tthen\\or\nnot", null, out var value));
        Assert.Equal("Нажмите \"Сохранить\"\tзатем\\или\nнет", value);
    }

    [Fact]
    public void The_same_msgid_in_different_contexts_has_separate_translations()
    {
        var catalog = PoText.ParseRussian("""
            msgctxt "workshop status"
            msgid "Open"
            msgstr "Открыта"

            msgctxt "button"
            msgid "Open"
            msgstr "Открыть"

            msgid "Open"
            msgstr "Открытый"
            """);

        Assert.True(catalog.TryGet("Open", "workshop status", out var status));
        Assert.True(catalog.TryGet("Open", "button", out var button));
        Assert.True(catalog.TryGet("Open", null, out var plain));
        Assert.Equal(("Открыта", "Открыть", "Открытый"), (status, button, plain));
        Assert.False(catalog.TryGet("Open", "menu", out _));
    }

    [Fact]
    public void A_fuzzy_entry_counts_as_untranslated_and_does_not_affect_the_next_one()
    {
        var catalog = PoText.ParseRussian("""
            #, c-format, fuzzy
            msgid "Draft"
            msgstr "Черновик"

            #, c-format
            msgid "Published"
            msgstr "Опубликовано"
            """);

        Assert.False(catalog.TryGet("Draft", null, out _));
        Assert.False(catalog.HasTranslation("Draft"));
        Assert.True(catalog.Entries.Single(e => e.Id == "Draft").IsFuzzy);
        Assert.True(catalog.HasTranslation("Published"));
    }

    [Fact]
    public void Obsolete_entries_are_ignored()
    {
        var catalog = PoText.ParseRussian("""
            msgid "Courses"
            msgstr "Курсы"

            #~ msgid "Old courses"
            #~ msgstr "Старые курсы"

            msgid "Glossary"
            msgstr "Глоссарий"
            """);

        Assert.Equal(["Courses", "Glossary"], catalog.Entries.Select(e => e.Id));
        Assert.False(catalog.TryGet("Old courses", null, out _));
    }

    [Fact]
    public void Translator_extracted_reference_and_previous_comments_are_skipped()
    {
        var catalog = PoText.ParseRussian("""
            # Checked by the Almaty team
            #. Main navigation
            #: themes/TheAlmaty/views/layout.liquid:12
            #| msgid "Course list"
            msgid "Courses"
            msgstr "Курсы"
            """);

        Assert.True(catalog.HasTranslation("Courses"));
    }

    [Theory]
    [InlineData(1, "{0} урок")]
    [InlineData(3, "{0} урока")]
    [InlineData(11, "{0} уроков")]
    [InlineData(21, "{0} урок")]
    public void A_plural_entry_picks_the_form_the_formula_gives(long n, string expected)
    {
        var catalog = PoText.ParseRussian("""
            msgid "{0} lesson"
            msgid_plural "{0} lessons"
            msgstr[0] "{0} урок"
            msgstr[1] "{0} урока"
            msgstr[2] "{0} уроков"
            """);

        Assert.Equal(expected, catalog.GetPlural("{0} lesson", n));
        Assert.True(catalog.HasTranslation("{0} lesson"));
    }

    [Fact]
    public void Empty_translations_are_untranslated()
    {
        var catalog = PoText.ParseRussian("""
            msgid "Glossary"
            msgstr ""

            msgid "{0} minute"
            msgid_plural "{0} minutes"
            msgstr[0] "{0} минута"
            msgstr[1] ""
            msgstr[2] "{0} минут"
            """);

        Assert.False(catalog.TryGet("Glossary", null, out _));
        Assert.False(catalog.HasTranslation("Glossary"));
        Assert.False(catalog.HasTranslation("{0} minute"));
        Assert.Equal("{0} минута", catalog.GetPlural("{0} minute", 1));
        Assert.Null(catalog.GetPlural("{0} minute", 2));
        Assert.Null(catalog.GetPlural("Glossary", 2));
        Assert.False(catalog.HasTranslation("Missing"));
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_endings_are_accepted()
    {
        var text = "\uFEFF" + (PoText.KazakhHeader + "\n\nmsgid \"Courses\"\nmsgstr \"Курстар\"\n").ReplaceLineEndings("\r\n");

        var catalog = PoParser.Parse(text, "kk", "kk.po");

        Assert.True(catalog.TryGet("Courses", null, out var value));
        Assert.Equal("Курстар", value);
    }

    [Fact]
    public void A_file_is_read_as_UTF8()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("myalmaty-po-").FullName, "kk.po");
        File.WriteAllText(path, PoText.KazakhHeader + "\n\nmsgid \"Session summaries\"\nmsgstr \"Кездесу қорытындылары\"\n", new UTF8Encoding(true));

        var catalog = PoParser.Load(path, "kk");

        Assert.Equal("kk.po", catalog.FileName);
        Assert.True(catalog.TryGet("Session summaries", null, out var value));
        Assert.Equal("Кездесу қорытындылары", value);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
