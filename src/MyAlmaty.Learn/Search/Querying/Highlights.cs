using System.Net;
using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using MyAlmaty.Learn.Search.Indexing;

namespace MyAlmaty.Learn.Search.Querying;

/// <summary>
/// Titles and snippets with the matched words in &lt;mark&gt;, HTML-encoded, for the hits of one search.
/// The query must be rewritten already (<see cref="IndexSearcher.Rewrite"/>: fuzzy words become their
/// terms), so that nothing is rewritten again per hit. A query without phrases is weighed once per
/// field and marked by a <see cref="TermMarker"/> shared by every hit; a phrase needs the positions in
/// each text, so it goes through Lucene's highlighter with a position-aware scorer.
/// </summary>
internal sealed partial class Highlights(IndexReader reader)
{
    private const int FragmentLength = 160;
    private const int Fragments = 2;

    private readonly Dictionary<(Query Query, string Field), TermMarker> _markers = [];

    public static readonly ISet<string> FieldsWithoutText = new HashSet<string>
    {
        SearchFields.Culture, SearchFields.Type, SearchFields.Key, SearchFields.Status, SearchFields.Title,
    };

    public static readonly ISet<string> FieldsWithText = new HashSet<string>(FieldsWithoutText) { SearchFields.Text };

    public SearchHit Hit(Document document, Analyzer analyzer, Query query, bool snippet)
    {
        var title = document.Get(SearchFields.Title) ?? "";
        var titleHtml = Highlight(query, analyzer, SearchFields.Title, title, whole: true) ?? MinimalHtmlEncoder.Encode(title);
        var snippetHtml = "";
        if (snippet)
        {
            var text = document.Get(SearchFields.Text) ?? "";
            snippetHtml = Highlight(query, analyzer, SearchFields.Text, text, whole: false) ?? Opening(text);
        }
        return new SearchHit(
            document.Get(SearchFields.Culture), document.Get(SearchFields.Type), document.Get(SearchFields.Key),
            title, titleHtml, snippetHtml, Enum.Parse<SearchStatus>(document.Get(SearchFields.Status)));
    }

    /// <summary>The words marked in a hit, as typed in the text: what the reader probably meant.</summary>
    public string? MarkedWords(SearchHit? hit)
    {
        if (hit is null) return null;
        var words = Marked().Matches(hit.TitleHtml + " " + hit.SnippetHtml)
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).ToLowerInvariant())
            .Distinct()
            .Take(SearchInput.MaximumWords)
            .ToList();
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    private string? Highlight(Query query, Analyzer analyzer, string field, string text, bool whole)
    {
        if (text.Length == 0) return null;
        IEnumerable<string> fragments;
        if (HasPositions(query))
        {
            var scorer = new QueryScorer(query, reader, field);
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new MinimalHtmlEncoder(), scorer)
            {
                TextFragmenter = whole ? new NullFragmenter() : new SimpleSpanFragmenter(scorer, FragmentLength),
            };
            fragments = highlighter.GetBestFragments(analyzer.GetTokenStream(field, text), text, whole ? 1 : Fragments);
        }
        else
        {
            if (!_markers.TryGetValue((query, field), out var marker))
            {
                _markers[(query, field)] = marker = new TermMarker(QueryTermExtractor.GetIdfWeightedTerms(query, reader, field));
            }
            fragments = marker.Mark(analyzer, field, text, whole, FragmentLength, Fragments);
        }
        var joined = string.Join(" … ", fragments.Select(TrimFragment).Where(f => f.Length > 0));
        return joined.Length == 0 || !joined.Contains("<mark>", StringComparison.Ordinal) ? null : joined;
    }

    /// <summary>Whether marking the query needs the positions of its words (a phrase does).</summary>
    private static bool HasPositions(Query query) => query switch
    {
        BooleanQuery boolean => boolean.Clauses.Any(c => HasPositions(c.Query)),
        TermQuery => false,
        _ => true,
    };

    /// <summary>A fragment cut mid-sentence does not start with the end of the previous one («. Қалалық», «-әрекеттері»).</summary>
    private static string TrimFragment(string fragment)
    {
        var start = 0;
        while (start < fragment.Length && (char.IsWhiteSpace(fragment[start]) || (char.IsPunctuation(fragment[start]) && fragment[start] is not ('«' or '"' or '(' or '“' or '„') && fragment[start] != '&')))
        {
            start++;
        }
        return fragment[start..].TrimEnd();
    }

    private static string Opening(string text)
    {
        var line = text.Split('\n', 2)[0];
        return MinimalHtmlEncoder.Encode(line.Length <= FragmentLength * 2 ? line : line[..(FragmentLength * 2)] + "…");
    }

    [GeneratedRegex("<mark>(.*?)</mark>")]
    private static partial Regex Marked();
}
