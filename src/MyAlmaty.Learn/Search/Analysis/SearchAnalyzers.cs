using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>The analyzer of each culture's index, for indexing and for queries.</summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Changes whenever analysis or the index format changes what is stored in an index; an index made with another
    /// value is rebuilt at start.
    /// </summary>
    public const string Schema = "4";

    /// <summary>
    /// Unicode keeps «eGov.kz» or «т.е.» as one word; readers type «egov». A dot becomes a space
    /// (one character for one, so highlighting offsets stay right).
    /// </summary>
    public static readonly FrozenDictionary<char, char> SplitAtDots = new Dictionary<char, char> { ['.'] = ' ' }.ToFrozenDictionary();

    /// <summary>A new analyzer (they hold per-thread state and are disposed with their owner).</summary>
    public static Analyzer Create(string culture, bool forQuery) => culture switch
    {
        "kk" => new KazakhAnalyzer(forQuery),
        _ => new RussianSearchAnalyzer(),
    };

    /// <summary>The terms <paramref name="text"/> is indexed under, in order (variants at one position included).</summary>
    public static IReadOnlyList<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }
}
