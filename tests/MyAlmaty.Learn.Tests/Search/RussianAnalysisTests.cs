using MyAlmaty.Learn.Search.Analysis;

namespace MyAlmaty.Learn.Tests.Search;

public sealed class RussianAnalysisTests
{
    private static IReadOnlyList<string> Terms(string text)
    {
        using var analyzer = SearchAnalyzers.Create("ru", forQuery: false);
        return SearchAnalyzers.Terms(analyzer, text);
    }

    public static TheoryData<string[]> WordForms()
    {
        var data = new TheoryData<string[]>();
        foreach (var group in WordFormGroups.Russian) data.Add(group);
        return data;
    }

    public static TheoryData<string, string> WordsThatOnlyLookAlike()
    {
        var data = new TheoryData<string, string>();
        foreach (var (a, b) in WordFormGroups.RussianApart) data.Add(a, b);
        return data;
    }

    [Fact]
    public void There_are_at_least_55_Russian_word_groups_and_22_pairs_kept_apart_in_both_languages()
    {
        Assert.True(WordFormGroups.Russian.Length >= 55, $"{WordFormGroups.Russian.Length} groups");
        Assert.True(WordFormGroups.RussianApart.Length + WordFormGroups.KazakhApart.Length >= 22);
    }

    [Theory]
    [MemberData(nameof(WordForms))]
    public void Every_form_of_a_word_is_found_by_the_same_single_term(string[] forms)
    {
        var terms = forms.Select(f => (Form: f, Terms: Terms(f))).ToList();
        var expected = terms[0].Terms;
        Assert.True(
            expected.Count == 1 && terms.All(t => t.Terms.SequenceEqual(expected)),
            string.Join(", ", terms.Select(t => $"{t.Form} → {string.Join(" ", t.Terms)}")));
    }

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

    [Theory]
    [InlineData("зелёные", "зеленые")]
    [InlineData("отчётов", "отчеты")]
    [InlineData("Ёлки", "елка")]
    [InlineData("ВОЛОНТЁРАМ", "волонтер")]
    public void Yo_and_ye_are_one_letter_before_the_word_is_stemmed(string withYo, string withYe)
    {
        var terms = Terms(withYo);
        Assert.Equal(Terms(withYe), terms);
        Assert.DoesNotContain(terms, t => t.Contains('ё'));
    }

    [Fact]
    public void Capital_letters_do_not_matter() =>
        Assert.Equal(Terms("инициативы горожан"), Terms("ИНИЦИАТИВЫ Горожан"));

    [Fact]
    public void Common_words_such_as_and_in_for_are_not_indexed() =>
        Assert.Equal(
            Terms("инициативы жителей активистов городе отчёта"),
            Terms("Инициативы жителей и активистов в городе, а не только для отчёта"));

    [Theory]
    [InlineData("её")]
    [InlineData("ещё")]
    [InlineData("и")]
    [InlineData("для")]
    [InlineData("что")]
    [InlineData("было")]
    public void A_stop_word_alone_gives_no_term_even_written_with_yo(string word) => Assert.Empty(Terms(word));

    [Fact]
    public void Every_word_of_a_sentence_gives_its_term_in_order() =>
        Assert.Equal(["умн", "город", "горожан", "активист"], Terms("Умный город — для горожан и активистов!"));
}
