using Lucene.Net.Analysis.TokenAttributes;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search.Analysis;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>The character-level steps of analysis: the one-for-one replacements and lower case by table.</summary>
public sealed class CharacterFoldingTests
{
    private static List<(string Term, int Start, int End)> Tokens(string culture, string text)
    {
        using var analyzer = SearchAnalyzers.Create(culture, forQuery: false);
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        var tokens = new List<(string, int, int)>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add((term.ToString(), offsets.StartOffset, offsets.EndOffset));
        stream.End();
        return tokens;
    }

    [Fact]
    public void Yo_and_dots_are_replaced_and_every_word_keeps_its_place_in_the_text()
    {
        const string text = "Ещё ЁЛКИ во дворе. Портал eGov.kz — всё там.";
        var tokens = Tokens("ru", text);

        Assert.Contains(tokens, t => t.Term.StartsWith("елк", StringComparison.Ordinal));
        Assert.Contains(tokens, t => t.Term == "egov");
        Assert.Contains(tokens, t => t.Term == "kz");
        // Offsets point at the original letters, so highlighting marks «ЁЛКИ» and «eGov», not a shifted piece.
        Assert.All(tokens, t => Assert.Equal(t.Term[..2], text[t.Start..t.End][..2].Replace('Ё', 'е').Replace('ё', 'е').ToLowerInvariant()));
    }

    [Fact]
    public void Kazakh_text_splits_at_dots_with_offsets_kept()
    {
        const string text = "Сайт egov.kz арқылы өтінім береміз.";
        var tokens = Tokens("kk", text);

        Assert.Equal("egov", text[tokens[1].Start..tokens[1].End]);
        Assert.Equal("kz", text[tokens[2].Start..tokens[2].End]);
    }

    [Fact]
    public void Lower_case_by_table_agrees_with_the_runtime_for_every_letter_it_covers_and_beyond()
    {
        for (var c = '\0'; c < '\u0800'; c++) Assert.Equal(char.ToLowerInvariant(c), LowerCase.Invariant(c));
        var word = "ҚАЛАЛЫҚ Белсенді ÄŞ".ToCharArray();
        LowerCase.Invariant(word);
        Assert.Equal("қалалық белсенді äş", new string(word));
    }

    [Fact]
    public void Russian_words_in_capitals_are_found_in_lower_case()
    {
        Assert.Equal(
            Tokens("ru", "инициативы горожан").Select(t => t.Term),
            Tokens("ru", "ИНИЦИАТИВЫ ГОРОЖАН").Select(t => t.Term));
    }
}
