using System.Text;
using MyAlmaty.Learn.Content.Import;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>One malformed file, and the report line it must produce.</summary>
public sealed record MalformedCase(string Name, string Path, byte[] Bytes, int? Line, string Message)
{
    public MalformedCase(string name, string path, string text, int? line, string message)
        : this(name, path, Encoding.UTF8.GetBytes(text), line, message) { }

    public override string ToString() => Name;
}

public static class MalformedContentCases
{
    private const string LessonHead = "---\ntype: Lesson\ntitle: Урок\ntakeaways: [a]\n";

    public static readonly IReadOnlyList<MalformedCase> All =
    [
        new("space in file name", "lessons/Bad Name.ru.md", "---\ntype: Page\ntitle: X\n---\nx", null, ImportMessages.BadFileName),
        new("unknown culture", "lessons/x.en.md", "---\ntype: Page\ntitle: X\n---\nx", null, ImportMessages.BadFileName),
        new("no culture", "lessons/x.md", "---\ntype: Page\ntitle: X\n---\nx", null, ImportMessages.BadFileName),
        new("no front matter", "pages/p.ru.md", "Просто текст\n", 1, ImportMessages.NoFrontMatter),
        new("front matter never closed", "pages/p.ru.md", "---\ntype: Page\ntitle: X\n", 1, ImportMessages.UnclosedFrontMatter),
        new("bad YAML", "pages/p.ru.md", "---\ntype: Page\ntitle: Урок: первый\n---\nx", 3, ImportMessages.BadYaml),
        new("YAML tab indentation", "pages/p.ru.md", "---\ntype: Page\ntitle: X\naliases:\n\t- a\n---\nx", 5, ImportMessages.TabIndentation),
        new("unclosed flow list", "pages/p.ru.md", "---\ntype: Page\ntitle: [a\nslug: b\n---\nx", 2, ImportMessages.BadYaml),
        new("front matter is a list", "pages/p.ru.md", "---\n- a\n- b\n---\nx", 2, ImportMessages.FrontMatterNotMapping),
        new("missing type", "pages/p.ru.md", "---\ntitle: X\n---\nx", 3, ImportMessages.MissingField),
        new("unknown type", "pages/p.ru.md", "---\ntitle: X\ntype: Lecture\n---\nx", 3, ImportMessages.UnknownType),
        new("missing title", "pages/p.ru.md", "---\ntype: Page\n---\nx", 3, ImportMessages.MissingField),
        new("empty title", "pages/p.ru.md", "---\ntype: Page\ntitle: \"\"\n---\nx", 3, ImportMessages.EmptyField),
        new("title is a list", "pages/p.ru.md", "---\ntype: Page\ntitle:\n  - a\n---\nx", 4, ImportMessages.NotText),
        new("title too long", "pages/p.ru.md", $"---\ntype: Page\ntitle: {new string('я', 301)}\n---\nx", 3, ImportMessages.TooLong),
        new("slug in Cyrillic", "pages/p.ru.md", "---\ntype: Page\ntitle: X\nslug: о-нас\n---\nx", 4, ImportMessages.BadSlug),
        new("bad translation key", "pages/p.ru.md", "---\ntype: Page\ntitle: X\ntranslationKey: O Nas\n---\nx", 4, ImportMessages.BadKey),
        new("culture differs from file name", "pages/p.ru.md", "---\ntype: Page\ntitle: X\nculture: kk\n---\nx", 4, ImportMessages.CultureMismatch),
        new("unknown status", "pages/p.ru.md", "---\ntype: Page\ntitle: X\nstatus: live\n---\nx", 4, ImportMessages.BadStatus),
        new("date not ISO", "summaries/s.ru.md", "---\ntype: SessionSummary\ntitle: X\nsessionDate: 25.11.2026\n---\nx", 4, ImportMessages.BadDate),
        new("reading time zero", "lessons/bad.ru.md", LessonHead + "readingMinutes: 0\n---\nx", 5, ImportMessages.BadNumber),
        new("lesson without takeaways", "lessons/bad.ru.md", "---\ntype: Lesson\ntitle: Урок\n---\nx", 4, ImportMessages.MissingField),
        new("takeaways not a list", "lessons/bad.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways: главное\n---\nx", 4, ImportMessages.NotList),
        new("takeaway not text", "lessons/bad.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways:\n  - {a: b}\n---\nx", 5, ImportMessages.NotListOfText),
        new("lesson with no text", "lessons/bad.ru.md", LessonHead + "---\n\n", 5, ImportMessages.EmptyBody),
        new("term without definition", "glossary/bad.ru.md", "---\ntype: GlossaryTerm\ntitle: Термин\n---\nx", 4, ImportMessages.MissingField),
        new("definition too long", "glossary/bad.ru.md", $"---\ntype: GlossaryTerm\ntitle: Термин\ndefinition: {new string('д', 201)}\n---\nx", 4, ImportMessages.TooLong),
        new("course without modules", "courses/bad.ru.md", "---\ntype: Course\ntitle: Курс\n---\nx", 4, ImportMessages.MissingField),
        new("course points at a missing module", "courses/bad.ru.md", "---\ntype: Course\ntitle: Курс\nmodules:\n  - m\n  - nowhere\n---\nx", 6, ImportMessages.MissingReference),
        new("module points at a missing lesson", "modules/bad.ru.md", "---\ntype: CourseModule\ntitle: М\nlessons: [l, ghost]\n---\nx", 4, ImportMessages.MissingReference),
        new("module lists a lesson twice", "modules/bad.ru.md", "---\ntype: CourseModule\ntitle: М\nlessons:\n  - l\n  - l\n---\nx", 6, ImportMessages.DuplicateReference),
        new("duplicate slug", "lessons/bad.ru.md", LessonHead + "slug: l\n---\nx", 5, ImportMessages.DuplicateSlug),
        new("duplicate translation key", "lessons/bad.ru.md", LessonHead + "translationKey: l\nslug: other\n---\nx", 1, ImportMessages.DuplicateKey),
        new("page takes a section's slug", "pages/bad.ru.md", "---\ntype: Page\ntitle: X\nslug: courses\n---\nx", 4, ImportMessages.ReservedSlug),
        new("Windows-1251 instead of UTF-8", "pages/bad.ru.md", Cp1251("---\ntype: Page\ntitle: Привет\n---\nx"), 3, ImportMessages.NotUtf8),
        new("binary file", "pages/bad.ru.md", [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x01, 0x02], 2, ImportMessages.Binary),
    ];

    /// <summary>Windows-1251 bytes without needing a code page provider: Cyrillic А..я are 0xC0..0xFF there.</summary>
    private static byte[] Cp1251(string text) =>
        text.Select(c => c is >= 'А' and <= 'я' ? (byte)(0xC0 + (c - 'А')) : (byte)c).ToArray();
}
