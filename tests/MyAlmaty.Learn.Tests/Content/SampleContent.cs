using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>A small valid site: one course with one module and one lesson, a glossary term and a page, in Russian.</summary>
public static class SampleContent
{
    public const string Course = "---\ntype: Course\ntitle: Курс\nsummary: Короткий курс.\nmodules: [m]\n---\nВведение в курс.\n";
    public const string Module = "---\ntype: CourseModule\ntitle: Модуль\nlessons:\n  - l\n---\nО модуле.\n";
    public const string Lesson = "---\ntype: Lesson\ntitle: Урок\ntakeaways:\n  - Главное\n---\nГородской активист помогает соседям.\n";
    public const string Term = "---\ntype: GlossaryTerm\ntitle: Городской активист\ndefinition: Человек, который помогает городу.\n---\nПодробнее.\n";
    public const string Page = "---\ntype: Page\ntitle: О программе\n---\nО нас.\n";

    public static readonly IReadOnlyDictionary<string, string> Files = new Dictionary<string, string>
    {
        ["courses/c.ru.md"] = Course,
        ["modules/m.ru.md"] = Module,
        ["lessons/l.ru.md"] = Lesson,
        ["glossary/g.ru.md"] = Term,
        ["pages/about.ru.md"] = Page,
    };

    public static void WriteTo(Func<string, string, string> write)
    {
        foreach (var (path, text) in Files) write(path, text);
    }

    public static void WriteTo(TempFolder folder, string under = "")
    {
        foreach (var (path, text) in Files) folder.Write(Path.Combine(under, path), text);
    }
}
