using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

public class PoParserErrorTests
{
    public static TheoryData<string, string> BrokenRussianBodies => new()
    {
        {
            """
            msgid "Courses"
            msgstrr "Курсы"
            """,
            "ru.po, line 7: expected msgctxt, msgid, msgid_plural, msgstr or msgstr[N], found 'msgstrr'"
        },
        {
            """
            msgid "Courses"
            msgstr Курсы
            """,
            "ru.po, line 7: msgstr must be followed by a quoted string"
        },
        {
            """
            msgid "Courses"
            msgstr "Курсы
            """,
            "ru.po, line 7: the string is not closed: a '\"' is missing at the end of the line"
        },
        {
            """
            msgid "Courses"
            msgstr "Курсы\"
            """,
            "ru.po, line 7: the string is not closed: a '\"' is missing at the end of the line"
        },
        {
            """
            msgid "Courses"
            msgstr "Курсы" "Курсы"
            """,
            "ru.po, line 7: unexpected text after the closing quote: \"Курсы\""
        },
        {
            """
            msgid "Courses"
            msgstr "Курсы\q"
            """,
            "ru.po, line 7: unknown escape \\q (use \\n, \\t, \\r, \\\" or \\\\)"
        },
        {
            """
            msgstr "Курсы"
            """,
            "ru.po, line 6: msgstr without a msgid before it"
        },
        {
            """
            msgid "Courses"

            msgid "Glossary"
            msgstr "Глоссарий"
            """,
            "ru.po, line 6: this entry has no msgstr"
        },
        {
            """
            msgid "Courses"
            msgid "Glossary"
            msgstr "Глоссарий"
            """,
            "ru.po, line 7: msgid on line 6 has no msgstr"
        },
        {
            """
            msgid "Courses"
            """,
            "ru.po, line 6: this entry has no msgstr"
        },
        {
            """
            msgid "Courses"
            msgctxt "menu"
            msgstr "Курсы"
            """,
            "ru.po, line 7: msgctxt must come before msgid"
        },
        {
            """
            "Курсы"
            """,
            "ru.po, line 6: a quoted string on its own line must continue a msgctxt, msgid or msgstr"
        },
        {
            """
            msgid "Courses"
            msgstr[0] "Курсы"
            """,
            "ru.po, line 7: msgstr[0] without msgid_plural; an entry without plural forms uses msgstr"
        },
        {
            """
            msgid "{0} lesson"
            msgid_plural "{0} lessons"
            msgstr "{0} урок"
            """,
            "ru.po, line 8: an entry with msgid_plural needs msgstr[0], msgstr[1]…, not msgstr"
        },
        {
            """
            msgid "{0} lesson"
            msgid_plural "{0} lessons"
            msgstr[0] "{0} урок"
            msgstr[2] "{0} уроков"
            """,
            "ru.po, line 9: expected msgstr[1] but found msgstr[2]"
        },
        {
            """
            msgid "{0} lesson"
            msgid_plural "{0} lessons"
            msgstr[0] "{0} урок"
            msgstr[1] "{0} урока"
            """,
            "ru.po, line 9: msgid_plural \"{0} lessons\" has 2 forms but Plural-Forms says nplurals=3; add msgstr[2]"
        },
        {
            """
            msgid "Courses"
            msgstr "Курсы"

            msgid "Courses"
            msgstr "Курсы"
            """,
            "ru.po, line 9: msgid \"Courses\" is already defined on line 6"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenRussianBodies))]
    public void A_broken_entry_is_reported_with_the_file_and_line(string body, string message)
    {
        var error = Assert.Throws<PoFormatException>(() => PoText.ParseRussian(body));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void More_plural_forms_than_the_header_allows_names_the_extra_msgstr()
    {
        var error = Assert.Throws<PoFormatException>(() => PoText.ParseKazakh("""
            msgid "Courses"
            msgstr "Курстар"

            msgid "{0} lesson"
            msgid_plural "{0} lessons"
            msgstr[0] "{0} сабақ"
            msgstr[1] "{0} сабақ"
            msgstr[2] "{0} сабақ"
            """));

        Assert.Equal("kk.po, line 13: msgstr[2] but Plural-Forms says nplurals=2", error.Message);
        Assert.Equal(("kk.po", 13), (error.FileName, error.LineNumber));
    }

    [Fact]
    public void A_header_without_Plural_Forms_is_rejected_at_the_header()
    {
        var error = Assert.Throws<PoFormatException>(() => PoParser.Parse("""
            # Kazakh
            msgid ""
            msgstr ""
            "Language: kk\n"

            msgid "Courses"
            msgstr "Курстар"
            """, "kk", "kk.po"));

        Assert.StartsWith("kk.po, line 2: the header has no Plural-Forms", error.Message);
    }

    [Fact]
    public void A_file_without_a_header_is_rejected_at_line_1()
    {
        var error = Assert.Throws<PoFormatException>(() => PoParser.Parse("""
            msgid "Courses"
            msgstr "Курстар"
            """, "kk", "kk.po"));

        Assert.StartsWith("kk.po, line 1: no header entry", error.Message);
    }

    [Fact]
    public void An_invalid_plural_formula_is_reported_on_its_header_line()
    {
        var error = Assert.Throws<PoFormatException>(() => PoParser.Parse("""
            msgid ""
            msgstr ""
            "Language: kk\n"
            "Plural-Forms: nplurals=2; plural=(n!=1;\n"
            """, "kk", "kk.po"));

        Assert.StartsWith("kk.po, line 4: Plural-Forms: expected ')'", error.Message);
    }

    [Fact]
    public void A_catalog_in_the_wrong_language_is_rejected()
    {
        var error = Assert.Throws<PoFormatException>(() => PoParser.Parse(PoText.RussianHeader, "kk", "kk.po"));

        Assert.Equal("kk.po, line 3: Language is \"ru\" but this file is loaded as the 'kk' catalog", error.Message);
    }

    [Fact]
    public void A_catalog_declaring_another_charset_is_rejected()
    {
        var error = Assert.Throws<PoFormatException>(() => PoParser.Parse("""
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=CP1251\n"
            "Plural-Forms: nplurals=2; plural=(n!=1);\n"
            """, "kk", "kk.po"));

        Assert.StartsWith("kk.po, line 3: Content-Type is \"text/plain; charset=CP1251\"", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_UTF8_names_the_line_with_the_bad_bytes()
    {
        var directory = Directory.CreateTempSubdirectory("myalmaty-po-").FullName;
        var path = Path.Combine(directory, "ru.po");
        var windows1251Kursy = new byte[] { 0xCA, 0xF3, 0xF0, 0xF1, 0xFB };
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes(PoText.RussianHeader + "\n\nmsgid \"Courses\"\nmsgstr \""), .. windows1251Kursy, (byte)'"', (byte)'\n']);

        var error = Assert.Throws<PoFormatException>(() => PoParser.Load(path, "ru"));

        Assert.Equal("ru.po, line 7: the file is not valid UTF-8; save it as UTF-8", error.Message);
        Directory.Delete(directory, recursive: true);
    }
}
