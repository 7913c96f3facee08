using MyAlmaty.Learn.Content.Markdown;

namespace MyAlmaty.Learn.Tests.Markdown;

public class GlossaryTermMatcherTests
{
    private static GlossaryLink Term(string title, params string[] aliases) =>
        new(title, aliases, "/glossary/" + title.Replace(' ', '-'), "Определение.");

    private static List<string> Mentions(string culture, string text, params GlossaryLink[] glossary) =>
        new GlossaryTermMatcher(glossary, culture).Matches(text).Select(m => text.Substring(m.Index, m.Length)).ToList();

    [Theory]
    [MemberData(nameof(GlossaryWordForms.Inflected), MemberType = typeof(GlossaryWordForms))]
    public void A_term_is_found_in_its_inflected_forms(string culture, string term, string written)
    {
        var text = $"Сегодня — {written}, и это важно.";

        Assert.Equal([written], Mentions(culture, text, Term(term)));
    }

    [Theory]
    [InlineData("город", "городской совет")]
    [InlineData("город", "пригород Алматы")]
    [InlineData("город", "уютный городок")]
    [InlineData("умный город", "умный парк и город")]
    [InlineData("умный город", "умный, город")]
    [InlineData("активист", "активистка района")]
    public void A_russian_term_is_not_found_inside_other_words(string term, string text)
    {
        Assert.Empty(Mentions("ru", text, Term(term)));
    }

    [Theory]
    [InlineData("қала", "қалалық кеңес")]
    [InlineData("белсенділік", "белсенділігке")]
    public void A_kazakh_term_is_not_found_inside_other_words(string term, string text)
    {
        Assert.Empty(Mentions("kk", text, Term(term)));
    }

    [Theory]
    [InlineData("умного\u00A0города")]
    [InlineData("умного\u202Fгорода")]
    [InlineData("умного  \t города")]
    [InlineData("умного\nгорода")]
    public void Words_of_a_term_may_be_separated_by_any_whitespace(string written)
    {
        Assert.Equal([written], Mentions("ru", $"Про {written}.", Term("умный город")));
    }

    [Fact]
    public void The_longest_term_wins_where_terms_overlap()
    {
        var mentions = new GlossaryTermMatcher([Term("активизм"), Term("гражданский активизм"), Term("гражданин")], "ru")
            .Matches("Гражданин знает про гражданского активизма суть, и про активизм.");

        Assert.Equal(
            [("Гражданин", "гражданин"), ("гражданского активизма", "гражданский активизм"), ("активизм", "активизм")],
            mentions.Select(m => ("Гражданин знает про гражданского активизма суть, и про активизм.".Substring(m.Index, m.Length), m.Term.Title)));
    }

    [Fact]
    public void The_longest_kazakh_term_wins_over_a_shorter_one_inside_it()
    {
        var mentions = new GlossaryTermMatcher([Term("қала"), Term("ақылды қала")], "kk").Matches("Ақылды қаланың тұрғындары");

        var mention = Assert.Single(mentions);
        Assert.Equal("ақылды қала", mention.Term.Title);
        Assert.Equal("Ақылды қаланың".Length, mention.Length);
    }

    [Fact]
    public void Aliases_are_found_as_the_same_term()
    {
        var smartCity = Term("умный город", "смарт-сити");

        var mentions = new GlossaryTermMatcher([smartCity], "ru").Matches("Проект смарт-сити в Алматы");

        Assert.Same(smartCity, Assert.Single(mentions).Term);
    }

    [Fact]
    public void Every_mention_is_reported_in_text_order()
    {
        Assert.Equal(["городе", "города"], Mentions("ru", "В городе и вокруг города.", Term("город")));
    }

    [Fact]
    public void A_culture_without_word_forms_matches_whole_words_case_insensitively()
    {
        Assert.Equal(["Smart City"], Mentions("en", "A Smart City and smart cities.", Term("smart city")));
    }

    [Fact]
    public void Kazakh_voicing_is_only_accepted_before_a_vowel()
    {
        var pattern = WordForms.Kazakh.Compile("белсенділік");

        Assert.True(pattern.Matches("белсенділігі"));
        Assert.True(pattern.Matches("белсенділігін"));
        Assert.False(pattern.Matches("белсенділіг"));
    }
}
