using System.Text.RegularExpressions;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Localization;

/// <summary>Every string a theme's templates put on screen has a translation in both languages.</summary>
public sealed partial class TemplateStringsTests
{
    // "Courses" | t    and    n | plural: "{0} lesson", "{0} lessons"
    [GeneratedRegex("""(?<q>["'])(?<id>(?:(?!\k<q>).)+)\k<q>\s*\|\s*t\b""")]
    private static partial Regex Translated();

    [GeneratedRegex("""\|\s*plural:\s*(?<q>["'])(?<one>(?:(?!\k<q>).)+)\k<q>\s*,\s*(?<q2>["'])(?<many>(?:(?!\k<q2>).)+)\k<q2>""")]
    private static partial Regex Plural();

    public static TheoryData<string> Themes()
    {
        var data = new TheoryData<string>();
        foreach (var theme in Directory.GetDirectories(RepoPaths.Themes)) data.Add(Path.GetFileName(theme));
        return data;
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void Every_template_string_is_translated_in_Russian_and_Kazakh(string theme)
    {
        var directory = Path.Combine(RepoPaths.Themes, theme);
        var strings = new UiStrings(Path.Combine(AppContext.BaseDirectory, "Localization"), Path.Combine(directory, "locales"));
        var missing = new List<string>();
        var used = 0;
        var templates = new[] { "views", "emails" }
            .Select(folder => Path.Combine(directory, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.liquid", SearchOption.AllDirectories));
        foreach (var file in templates)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(directory, file);
            foreach (Match m in Translated().Matches(text))
            {
                used++;
                missing.AddRange(Cultures.All.Where(c => !strings.Catalogs(c).Any(k => k.HasTranslation(m.Groups["id"].Value)))
                    .Select(c => $"{name}: {c} lacks \"{m.Groups["id"].Value}\""));
            }
            foreach (Match m in Plural().Matches(text))
            {
                used++;
                missing.AddRange(Cultures.All.Where(c => !strings.Catalogs(c).Any(k => k.GetPlural(m.Groups["one"].Value, 5) is not null && k.HasTranslation(m.Groups["one"].Value)))
                    .Select(c => $"{name}: {c} lacks plural \"{m.Groups["one"].Value}\""));
            }
        }
        Assert.True(used > 0, "no translated strings found: has the filter syntax changed?");
        Assert.Empty(missing);
    }

    [Fact]
    public void The_check_catches_an_untranslated_string()
    {
        var strings = new UiStrings(Path.Combine(AppContext.BaseDirectory, "Localization"));
        var match = Translated().Match("<h1>{{ \"A string nobody translated\" | t }}</h1>");

        Assert.True(match.Success);
        Assert.DoesNotContain(strings.Catalogs("kk"), k => k.HasTranslation(match.Groups["id"].Value));
    }
}
