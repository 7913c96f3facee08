using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Search.Highlight;

namespace MyAlmaty.Learn.Search.Querying;

/// <summary>
/// Marks the words of a query without phrases in a text and picks its best passages, the way Lucene's
/// <see cref="Highlighter"/> does with a <see cref="QueryTermScorer"/> and a <see cref="SimpleFragmenter"/>:
/// passages of about <c>fragmentLength</c> characters, each scored by the summed weight of the distinct
/// query terms in it, the best few in order of score, neighbours joined. The text is analyzed once with
/// the index's analyzer; only the matched words are kept. Lucene's highlighter also copies, encodes
/// and marks up every other word of the text: ten snippets cost about 60 KB of garbage each and half
/// a millisecond in all, most of a results page's snippet time. Phrases, which need positions, still
/// go through <see cref="Highlighter"/>.
/// </summary>
internal sealed class TermMarker
{
    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _weights;

    public TermMarker(IEnumerable<WeightedTerm> terms)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var term in terms) weights[term.Term] = Math.Max(term.Weight, weights.GetValueOrDefault(term.Term));
        _weights = weights.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private readonly record struct Match(int Start, int End, string Term, float Weight);

    /// <summary>
    /// The text with its matched words in &lt;mark&gt;, HTML-encoded: whole, or its best passages, best
    /// first; none when no word of the query is in it.
    /// </summary>
    public IReadOnlyList<string> Mark(Analyzer analyzer, string field, string text, bool whole, int fragmentLength, int fragments)
    {
        var matches = Matches(analyzer, field, text);
        if (matches.Count == 0) return [];
        if (whole) return [Marked(text, 0, text.Length, matches)];

        // Passages of about fragmentLength characters (see PassageStarts); the last one runs to the end.
        var starts = PassageStarts(text, fragmentLength);
        var passageOf = new int[matches.Count];
        for (var m = 0; m < matches.Count; m++) passageOf[m] = PassageAt(starts, matches[m].Start);

        // Each distinct term counts once per passage.
        var scores = new float[starts.Count];
        var counted = new HashSet<(int Passage, string Term)>();
        for (var m = 0; m < matches.Count; m++)
        {
            if (counted.Add((passageOf[m], matches[m].Term))) scores[passageOf[m]] += matches[m].Weight;
        }
        // The best passages, the earlier first among equals; neighbours are read as one.
        var best = Enumerable.Range(0, starts.Count).Where(p => scores[p] > 0)
            .OrderByDescending(p => scores[p]).ThenBy(p => p).Take(fragments).ToList();
        var groups = new List<(int First, int Last)>();
        foreach (var p in best)
        {
            var next = groups.FindIndex(g => g.First == p + 1 || g.Last == p - 1);
            if (next < 0) groups.Add((p, p));
            else groups[next] = (Math.Min(groups[next].First, p), Math.Max(groups[next].Last, p));
        }
        return [.. groups.Select(g => Marked(text, starts[g.First], g.Last + 1 < starts.Count ? starts[g.Last + 1] : text.Length, matches))];
    }

    private List<Match> Matches(Analyzer analyzer, string field, string text)
    {
        var matches = new List<Match>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offsets = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (_weights.TryGetValue(term.Buffer.AsSpan(0, term.Length), out var key, out var weight))
            {
                matches.Add(new Match(offsets.StartOffset, offsets.EndOffset, key, weight));
            }
        }
        stream.End();
        return matches;
    }

    /// <summary>
    /// Where passages begin: at 0, then at the first word that starts at or after each multiple of
    /// <paramref name="length"/>, so no word is cut; or, a little further, where a sentence begins,
    /// so that a passage does not open with the tail of one («топтары. Төменнен…»).
    /// </summary>
    private static List<int> PassageStarts(string text, int length)
    {
        const int LookForSentence = 60;
        var starts = new List<int>(text.Length / length + 1) { 0 };
        for (var i = length; i < text.Length; i++)
        {
            if (i < starts.Count * length || !IsWordStart(text, i)) continue;
            var start = i;
            for (var j = i; j < Math.Min(text.Length, i + LookForSentence); j++)
            {
                if (IsWordStart(text, j) && FollowsSentenceEnd(text, j))
                {
                    start = j;
                    break;
                }
            }
            starts.Add(start);
            i = start;
        }
        return starts;
    }

    private static bool IsWordStart(string text, int i) => char.IsLetterOrDigit(text[i]) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));

    private static bool FollowsSentenceEnd(string text, int i)
    {
        var j = i - 1;
        while (j >= 0 && (char.IsWhiteSpace(text[j]) || text[j] is '«' or '"' or '(' or '“' or '„'))
        {
            if (text[j] == '\n') return true;
            j--;
        }
        return j < 0 || (j < i - 1 && text[j] is '.' or '!' or '?' or '…' or ':');
    }

    private static int PassageAt(List<int> starts, int offset)
    {
        var index = starts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    private static string Marked(string text, int from, int to, List<Match> matches)
    {
        var html = new StringBuilder(to - from + 32);
        var at = from;
        foreach (var match in matches)
        {
            if (match.Start < Math.Max(from, at) || match.End > to) continue;
            MinimalHtmlEncoder.Append(html, text.AsSpan(at, match.Start - at));
            html.Append("<mark>");
            MinimalHtmlEncoder.Append(html, text.AsSpan(match.Start, match.End - match.Start));
            html.Append("</mark>");
            at = match.End;
        }
        MinimalHtmlEncoder.Append(html, text.AsSpan(at, to - at));
        return html.ToString();
    }
}
