using Lucene.Net.Search.Highlight;
using MyAlmaty.Learn.Search.Analysis;
using MyAlmaty.Learn.Search.Querying;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>How the words of a query are marked in titles and snippets, and which passages are shown.</summary>
public sealed class TermMarkerTests
{
    private static IReadOnlyList<string> Mark(string text, bool whole, params (string Term, float Weight)[] terms)
    {
        using var analyzer = SearchAnalyzers.Create("ru", forQuery: false);
        var marker = new TermMarker(terms.Select(t => new WeightedTerm(t.Weight, t.Term)));
        return marker.Mark(analyzer, "text", text, whole, fragmentLength: 40, fragments: 2);
    }

    [Fact]
    public void Every_form_of_a_query_word_is_marked_in_a_whole_title_and_the_rest_is_encoded()
    {
        var marked = Mark("Инициативы <жителей> & инициатива", whole: true, ("инициатив", 1));

        Assert.Equal(["<mark>Инициативы</mark> &lt;жителей&gt; &amp; <mark>инициатива</mark>"], marked);
    }

    [Fact]
    public void A_text_without_the_query_words_gives_nothing_to_show()
    {
        Assert.Empty(Mark("Субботник во дворе.", whole: false, ("инициатив", 1)));
    }

    [Fact]
    public void The_passage_with_the_most_and_weightiest_distinct_words_comes_first()
    {
        const string text =
            "Город большой и шумный, в нём много улиц. " +        // город
            "Здесь ничего нужного нет, только слова и слова. " +  // nothing
            "Активисты города ведут инициативы во дворах. " +       // активист + город + инициатив
            "Опять ничего нужного, совсем ничего нет тут.";
        var marked = Mark(text, whole: false, ("город", 1), ("активист", 2), ("инициатив", 2));

        Assert.Equal(2, marked.Count);
        Assert.Contains("<mark>Активисты</mark> <mark>города</mark>", marked[0]);
        Assert.Contains("<mark>инициативы</mark>", marked[0]);
        Assert.StartsWith("<mark>Город</mark>", marked[1]);
        Assert.DoesNotContain("Опять", string.Concat(marked));
    }

    [Fact]
    public void Neighbouring_passages_are_read_as_one()
    {
        const string text = "Инициативы жителей меняют двор и улицу вокруг. Активисты помогают им в этом каждый день.";
        var marked = Mark(text, whole: false, ("инициатив", 1), ("активист", 1));

        var only = Assert.Single(marked);
        Assert.Contains("<mark>Инициативы</mark>", only);
        Assert.Contains("<mark>Активисты</mark>", only);
    }

    [Fact]
    public void A_passage_begins_where_a_sentence_does_when_one_begins_close_by()
    {
        const string text = "Первое предложение здесь довольно длинное, правда ведь? Активисты города ведут инициативы во дворах.";
        var marked = Mark(text, whole: false, ("активист", 1));

        Assert.StartsWith("<mark>Активисты</mark> города", Assert.Single(marked));
    }
}
