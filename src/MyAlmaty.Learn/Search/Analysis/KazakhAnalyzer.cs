using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>
/// Kazakh, in either script and typed on any keyboard: words are split by Unicode rules (which keep
/// ә ғ қ ң ө ұ ү һ і inside words), brought to one spelling, stop words dropped, endings stripped.
/// </summary>
public sealed class KazakhAnalyzer(bool forQuery) : Analyzer
{
    private static readonly CharArraySet StopWords = KazakhStopWords.Create();

    protected override TextReader InitReader(string fieldName, TextReader reader) => new OneToOneCharFilter(reader, SearchAnalyzers.SplitAtDots);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchAnalyzers.Version, reader);
        TokenStream result = new KazakhLetterFilter(source, digraphVariants: forQuery);
        result = new StopFilter(SearchAnalyzers.Version, result, StopWords);
        result = new KazakhStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
