using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search.Analysis;

namespace MyAlmaty.Learn.Tests.Search;

public sealed class KazakhAnalysisTests
{
    private static IReadOnlyList<string> Terms(string text, bool forQuery = false)
    {
        using var analyzer = SearchAnalyzers.Create("kk", forQuery);
        return SearchAnalyzers.Terms(analyzer, text);
    }

    /// <summary>The terms of a pipeline that only splits the text into words and lower-cases them.</summary>
    private static IReadOnlyList<string> WordsLowerCased(string text)
    {
        using var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(SearchAnalyzers.Version, reader);
            return new TokenStreamComponents(source, new LowerCaseFilter(SearchAnalyzers.Version, source));
        });
        return SearchAnalyzers.Terms(analyzer, text);
    }

    /// <summary>The terms after the words are split and their letters brought to one spelling, before stop words and endings.</summary>
    private static IReadOnlyList<string> WordsInOneSpelling(string text)
    {
        using var analyzer = Analyzer.NewAnonymous((_, reader) =>
        {
            var source = new StandardTokenizer(SearchAnalyzers.Version, reader);
            return new TokenStreamComponents(source, new KazakhLetterFilter(source, digraphVariants: false));
        });
        return SearchAnalyzers.Terms(analyzer, text);
    }

    private static bool Merges(string[] forms, out string detail)
    {
        var terms = forms.Select(f => (Form: f, Terms: Terms(f))).ToList();
        var expected = terms[0].Terms;
        detail = string.Join(", ", terms.Select(t => $"{t.Form} → {string.Join(" ", t.Terms)}"));
        return expected.Count == 1 && terms.All(t => t.Terms.SequenceEqual(expected));
    }

    public static TheoryData<string[]> CoreWordForms()
    {
        var data = new TheoryData<string[]>();
        foreach (var group in WordFormGroups.KazakhCore) data.Add(group);
        return data;
    }

    public static TheoryData<string, string, string> SameTextInThreeSpellings()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (cyrillic, latin, keyboard) in WordFormGroups.KazakhScripts) data.Add(cyrillic, latin, keyboard);
        return data;
    }

    public static TheoryData<string, string> WordsThatOnlyLookAlike()
    {
        var data = new TheoryData<string, string>();
        foreach (var (a, b) in WordFormGroups.KazakhApart) data.Add(a, b);
        return data;
    }

    [Theory]
    [MemberData(nameof(CoreWordForms))]
    public void Every_form_of_a_core_word_is_found_by_the_same_single_term(string[] forms) =>
        Assert.True(Merges(forms, out var detail), detail);

    [Fact]
    public void At_least_nine_in_ten_of_65_or_more_word_groups_merge_into_one_term()
    {
        var groups = WordFormGroups.Kazakh.ToList();
        var failing = new List<string>();
        foreach (var group in groups)
        {
            if (!Merges(group, out var detail)) failing.Add(detail);
        }

        Assert.True(groups.Count >= 65, $"{groups.Count} groups");
        Assert.True(WordFormGroups.KazakhCore.Length >= 20, $"{WordFormGroups.KazakhCore.Length} core groups");
        var merged = groups.Count - failing.Count;
        Assert.True(
            merged * 10 >= groups.Count * 9,
            $"{merged} of {groups.Count} groups merge; these do not:\n{string.Join("\n", failing)}");
    }

    [Theory]
    [MemberData(nameof(SameTextInThreeSpellings))]
    public void Latin_and_Russian_keyboard_spellings_give_the_terms_of_the_Cyrillic_text(string cyrillic, string latin, string keyboard)
    {
        var expected = Terms(cyrillic);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Terms(latin));
        Assert.Equal(expected, Terms(keyboard));
        Assert.Equal(expected, Terms(latin, forQuery: true));
        Assert.Equal(expected, Terms(keyboard, forQuery: true));
    }

    [Theory]
    [InlineData("zhoba", "жоба")]
    [InlineData("zhobalar", "жобалар")]
    [InlineData("shahar", "шаһар")]
    [InlineData("chempion", "чемпион")]
    public void A_query_with_sh_ch_zh_also_finds_the_word_with_the_one_letter(string query, string cyrillic)
    {
        var term = Assert.Single(Terms(cyrillic));
        Assert.Contains(term, Terms(query, forQuery: true));
    }

    [Fact]
    public void A_query_for_ashana_still_finds_asxana_with_an_s_and_an_h()
    {
        var asxana = Assert.Single(Terms("асхана"));
        var query = Terms("ashana", forQuery: true);
        Assert.Equal(2, query.Count);
        Assert.Equal(asxana, query[0]);
    }

    [Fact]
    public void Indexed_Latin_text_is_read_letter_by_letter_without_digraph_guesses() =>
        Assert.Equal(Terms("асхана"), Terms("ashana"));

    [Theory]
    [MemberData(nameof(WordsThatOnlyLookAlike))]
    public void Words_that_only_look_alike_are_not_found_by_each_other(string one, string other)
    {
        var a = Terms(one);
        var b = Terms(other);
        Assert.Single(a);
        Assert.Single(b);
        Assert.NotEqual(a[0], b[0]);
    }

    [Fact]
    public void Kazakh_letters_stay_inside_words_when_the_text_is_split_and_lower_cased() =>
        Assert.Equal(
            ["әлеуметтік", "ғимарат", "қоңырау", "өнер", "ұйым", "үкімет", "шаһар", "ілияс", "қалаңыздағы"],
            WordsLowerCased("ӘЛЕУМЕТТІК Ғимарат Қоңырау Өнер ҰЙЫМ Үкімет Шаһар Ілияс қалаңыздағы"));

    [Fact]
    public void Each_word_stays_one_word_when_its_letters_are_brought_to_one_spelling() =>
        Assert.Equal(
            ["алеуметтик", "гимарат", "коныр", "онер", "уиым", "укимет", "шахар", "илияс", "каланыздагы"],
            WordsInOneSpelling("Әлеуметтік ғимарат қоңыр өнер ұйым үкімет шаһар Ілияс қалаңыздағы"));

    [Theory]
    [InlineData('I', 'ı')]
    [InlineData('İ', 'i')]
    [InlineData('Ä', 'ä')]
    [InlineData('Ş', 'ş')]
    public void Latin_capital_I_is_dotless_and_capital_I_with_a_dot_is_dotted(char capital, char small)
    {
        Assert.Equal(small, KazakhLatin.ToLower(capital));
        Assert.Equal(capital, KazakhLatin.ToUpper(small));
    }

    [Theory]
    [InlineData("IRI", "ірі")]
    [InlineData("İRİ", "ири")]
    [InlineData("BILIM", "білім")]
    [InlineData("INI", "іні")]
    [InlineData("İNİ", "ини")]
    [InlineData("KİNO", "кино")]
    public void Latin_capitals_are_read_the_Turkish_way(string latin, string cyrillic) =>
        Assert.Equal(cyrillic, KazakhLatin.ToCyrillic(latin));

    [Theory]
    [InlineData("BILIM", "білім")]
    [InlineData("ÄKİMDİK", "әкімдік")]
    [InlineData("IRI QALA", "ірі қала")]
    public void A_word_in_Latin_capitals_is_found_like_the_Cyrillic_word(string latin, string cyrillic) =>
        Assert.Equal(Terms(cyrillic), Terms(latin));

    [Theory]
    [InlineData("қала және тұрғындар", "қала тұрғындар")]
    [InlineData("қала jäne тұрғындар", "қала тұрғындар")]
    [InlineData("қала жане тұрғындар", "қала тұрғындар")]
    [InlineData("QALA JÄNE TŪRĞYNDAR", "қала тұрғындар")]
    [InlineData("азаматтар мен қауымдастықтар", "азаматтар қауымдастықтар")]
    [InlineData("қала туралы бұл сабақ", "қала сабақ")]
    [InlineData("жастар үшін осы жоба", "жастар жоба")]
    [InlineData("бірақ ол өте белсенді", "белсенді")]
    public void Stop_words_are_not_indexed_in_any_script(string text, string withoutStopWords) =>
        Assert.Equal(Terms(withoutStopWords), Terms(text));

    [Theory]
    [InlineData("және")]
    [InlineData("jäne")]
    [InlineData("үшін")]
    [InlineData("üşın")]
    [InlineData("арқылы")]
    [InlineData("бойынша")]
    [InlineData("осында")]
    [InlineData("өзіне")]
    [InlineData("оларға")]
    public void A_stop_word_alone_gives_no_term(string word) => Assert.Empty(Terms(word));

    [Fact]
    public void A_sentence_gives_one_term_per_content_word_in_order() =>
        Assert.Equal(
            Terms("ақылды қала тұрғын арналған қала"),
            Terms("Ақылды қала — бұл тұрғындарға арналған қала."));
}
