using MyAlmaty.Learn.Search.Querying;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>What a reader types becomes a safe query: only quotes mean something.</summary>
public sealed class SearchInputTests
{
    [Theory]
    [InlineData("  город   и  люди ", "город и люди")]
    [InlineData("\u0000го\u0007род\u001f", "город")]
    [InlineData("го\u200Bрод", "город")]
    [InlineData("\uFFFDгород", "город")]
    [InlineData("😀 город", "😀 город")]
    [InlineData("е\u0308лка", "ёлка")]
    public void Invisible_and_control_characters_are_dropped_and_spaces_collapsed(string typed, string cleaned) =>
        Assert.Equal((cleaned, false), SearchInput.Clean(typed));

    [Fact]
    public void Lone_surrogates_are_dropped() =>
        Assert.Equal("город", SearchInput.Clean(new string(['\uD800', 'г', 'о', 'р', 'о', 'д', '\uDC00'])).Text);

    [Fact]
    public void Long_text_is_cut_at_a_word_to_the_maximum_length_and_word_count()
    {
        var (text, shortened) = SearchInput.Clean(string.Join(' ', Enumerable.Repeat("город", 1000)));
        var (words, fewer) = SearchInput.Clean(string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}")));

        Assert.True(shortened);
        Assert.True(text.Length <= SearchInput.MaximumLength);
        Assert.DoesNotContain("  ", text);
        Assert.EndsWith("город", text);
        Assert.True(fewer);
        Assert.Equal(SearchInput.MaximumWords, words.Split(' ').Length);
    }

    [Theory]
    [InlineData("умный город", "умный город")]
    [InlineData("\"умный город\"", "\"умный город\"")]
    [InlineData("«умный город» Алматы", "\"умный город\" Алматы")]
    [InlineData("\"умный город", "умный город")]
    [InlineData("title:город", "title город")]
    [InlineData("город AND люди", "город and люди")]
    [InlineData("*", "\\*")]
    [InlineData("(город)~2^3", "\\(город\\)\\~2\\^3")]
    public void Only_paired_quotes_make_a_phrase_and_everything_else_is_escaped(string text, string syntax) =>
        Assert.Equal(syntax, SearchInput.ToSyntax(text));
}
