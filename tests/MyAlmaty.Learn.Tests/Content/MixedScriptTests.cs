using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>
/// Words typed on the wrong layout: Latin letters inside a Cyrillic word or Cyrillic ones inside a Latin
/// word. In the cases below, a letter in [brackets] is typed in Latin inside a Cyrillic word and a letter
/// in {braces} is typed in Cyrillic inside a Latin word; the brackets themselves are removed.
/// </summary>
public sealed class MixedScriptTests
{
    [Theory]
    // Russian words with a Latin look-alike
    [InlineData("Город Алм[a]ты у подножия гор", "Алм[a]ты")]
    [InlineData("Откройте [c]айт программы", "[c]айт")]
    [InlineData("[P]абота с соседями", "[P]абота")]
    [InlineData("IT-к[o]мпания в городе", "к[o]мпания")]
    [InlineData("Урок г[e]ографии", "г[e]ографии")]
    [InlineData("Всё [x]орошо", "[x]орошо")]
    [InlineData("[K]урс для новичков", "[K]урс")]
    [InlineData("Из [M]осквы и Алматы", "[M]осквы")]
    [InlineData("[T]екст урока", "[T]екст")]
    [InlineData("[H]арод решает", "[H]арод")]
    [InlineData("[B]опрос 3", "[B]опрос")]
    [InlineData("Городской а[p]хив", "а[p]хив")]
    [InlineData("Вопросы т[y]т", "т[y]т")]
    // Kazakh in Cyrillic with a Latin letter
    [InlineData("Азаматтық б[i]л[i]м беру", "б[i]л[i]м")]
    [InlineData("Жаңа қ[a]ла", "қ[a]ла")]
    [InlineData("[h]әм көршілер", "[h]әм")]
    [InlineData("Азаматтық ж[o]ба", "ж[o]ба")]
    [InlineData("[e]ркін ой", "[e]ркін")]
    [InlineData("Абай к[ö]шесі", "к[ö]шесі")]
    // Latin words (English, Kazakh Latin) with a Cyrillic look-alike
    [InlineData("Smart {С}ity Almaty", "{С}ity")]
    [InlineData("Open d{а}ta portal", "d{а}ta")]
    [InlineData("{О}pen data", "{О}pen")]
    [InlineData("Jańa q{а}la", "q{а}la")]
    [InlineData("Almat{у} qalasy", "Almat{у}")]
    [InlineData("{Т}úrkistan oblysy", "{Т}úrkistan")]
    [InlineData("Tátti ş{е}ker", "ş{е}ker")]
    // A Roman numeral typed with Cyrillic Х and a Latin I; a unit typed half and half; a hyphenated part
    [InlineData("В ХХ[I] веке", "ХХ[I]")]
    [InlineData("Маршрут 5к[m]", "к[m]")]
    [InlineData("Бесплатный Wi-Fi-[c]еть в парке", "[c]еть")]
    public void A_word_with_letters_of_both_alphabets_is_found(string text, string word)
    {
        var found = Assert.Single(MixedScript.Find(Unmark(text)));
        Assert.Equal(Unmark(word), found.Word);
        Assert.Equal(Unmark(text).IndexOf(Unmark(word), StringComparison.Ordinal) + 1, found.Column);
        Assert.Equal(1, found.Line);
    }

    [Theory]
    [InlineData("Город Алматы у подножия гор")]
    [InlineData("IT-компания в городе")]
    [InlineData("Бесплатный Wi-Fi-сеть в парке")]
    [InlineData("В XXI веке города меняются")]
    [InlineData("ХХІ ғасыр")]
    [InlineData("Код из SMS-кодты енгізіңіз")]
    [InlineData("Маршрут 5km, а потом ещё 3 км")]
    [InlineData("Маршрут 5км")]
    [InlineData("Facebook-та және Instagram-да")]
    [InlineData("ҚазҰУ-дың студенттері")]
    [InlineData("COVID-19 кезінде")]
    [InlineData("5G-желі мен iPhone 15")]
    [InlineData("Мощность 3 кВт·ч")]
    [InlineData("Smart City — это смарт-сити по-русски")]
    [InlineData("Qazaqstan Respýblıkasy, Áleýmettik jeliler, şeker, ǵylym, ońtústik, çempıon")]
    [InlineData("Әлеуметтік желілер, ұйым, өңір, һәм, қоғам, үміт, ғылым, іс")]
    [InlineData("См. https://example.org/статьяabout и www.almaty.kz/ruпроекты")]
    [InlineData("Пишите на almatyқала@example.org или info@myalmaty.kz")]
    [InlineData("Переменная `имяName` в коде")]
    [InlineData("[Подробнее](https://example.org/путьpath) и <https://example.org/ещёmore>")]
    [InlineData("<a href=\"https://example.org\" title=\"x\">ссылка</a>")]
    [InlineData("Ála, decomposed: A\u0301la")]
    [InlineData("О'Брайен и д'Артаньян")]
    public void Words_in_one_alphabet_hyphenated_pairs_and_what_is_not_prose_are_not_flagged(string text) =>
        Assert.Empty(MixedScript.Find(text));

    [Fact]
    public void Code_blocks_are_skipped_and_lines_and_columns_count_from_one()
    {
        const string text = "Первая строка.\n```csharp\nvar имяName = 1;\n```\n\nВторая с[o]седка и д[o]м.";

        var found = MixedScript.Find(Unmark(text));

        Assert.Equal([new MixedWord("сoседка", 6, 8), new MixedWord("дoм", 6, 18)], found);
    }

    [Fact]
    public async Task The_import_warns_with_file_line_column_and_field_and_still_loads_the_file()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("lessons/l.kk.md", Unmark("---\ntype: Lesson\ntitle: Қ[a]ла белсендісі\ntakeaways:\n  - Көршілерге көмек\n  - Ж[o]ба жасау\n---\n\nБелсенді тұрғын [c]айт ашты.\n"));

        var report = await content.ImportAsync();

        Assert.Equal(1, report.Added);
        Assert.Equal(
            [("lessons/l.kk.md", (int?)3, "title", "Қaла", 8), ("lessons/l.kk.md", 6, "takeaways", "Жoба", 5), ("lessons/l.kk.md", 9, "body", "cайт", 17)],
            report.Problems.Select(p => (p.Path, p.Line, p.Field!, (string)p.Arguments[0]!, (int)p.Arguments[1]!)));
        Assert.All(report.Problems, p => Assert.Equal((ProblemSeverity.Warning, ImportMessages.MixedScript), (p.Severity, p.Message)));
        Assert.All(report.Problems, p => Assert.Equal(p.Arguments[1], p.Column));
    }

    [Fact]
    public async Task A_browser_save_is_kept_and_returns_the_warning_beside_its_field()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        await content.ImportAsync();
        await using var scope = content.Services.CreateAsyncScope();
        var editing = scope.ServiceProvider.GetRequiredService<ContentEditing>();
        var key = new ContentKey("ru", ContentTypeNames.Page, "about");

        var (_, checkedProblems) = await editing.CheckAsync(key, Unmark("---\ntype: Page\ntitle: О пр[o]грамме\n---\nО нас.\n"));
        var saved = Assert.IsType<SaveOutcome.Saved>(await editing.SaveAsync(key, Unmark("---\ntype: Page\ntitle: О программе\nsummary: Кратк[o].\n---\nО нас.\n"), 1, "editor", null, publish: false));

        var problem = Assert.Single(checkedProblems);
        Assert.Equal((ProblemSeverity.Warning, "title", 3, 10), (problem.Severity, problem.Field, problem.Line, problem.Column));
        Assert.Equal(("summary", 4, ImportMessages.MixedScript), (Assert.Single(saved.Warnings).Field, saved.Warnings[0].Line, saved.Warnings[0].Message));
    }

    [Fact]
    public void The_shipped_content_has_no_mixed_words()
    {
        var found = Directory.GetFiles(RepoPaths.Content, "*.md", SearchOption.AllDirectories)
            .SelectMany(f => MixedScript.Find(File.ReadAllText(f)).Select(w => $"{Path.GetRelativePath(RepoPaths.Content, f)}:{w.Line}:{w.Column} {w.Word}"))
            .ToList();
        Assert.Empty(found);
    }

    /// <summary>Removes the markers: the letters inside are already typed in the other alphabet.</summary>
    private static string Unmark(string text) => text.Replace("[", "").Replace("]", "").Replace("{", "").Replace("}", "");
}
