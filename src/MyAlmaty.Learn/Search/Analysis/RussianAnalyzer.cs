using System.Collections.Frozen;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>
/// Russian: «ё» read as «е» before anything else (people rarely type it), lower case, stop words,
/// and the light stemmer, which keeps «инициатив» with «инициатива» where Snowball does not.
/// </summary>
public sealed class RussianSearchAnalyzer(RussianStemming stemming = RussianStemming.Light) : Analyzer
{
    private static readonly FrozenDictionary<char, char> Yo = new Dictionary<char, char>(SearchAnalyzers.SplitAtDots) { ['ё'] = 'е', ['Ё'] = 'Е' }.ToFrozenDictionary();

    /// <summary>Words of a question, besides Snowball's list: «что такое умный город» is about the smart city.</summary>
    private static readonly string[] QuestionWords = ["такое", "такие", "такая", "таких", "это", "означает", "значит", "какие", "какое", "каких", "каким", "почему"];

    private static readonly CharArraySet StopWords = new(
        SearchAnalyzers.Version,
        RussianAnalyzer.DefaultStopSet.Select(w => w.ToString()!.Replace('ё', 'е')).Concat(QuestionWords).ToList(),
        ignoreCase: false);

    protected override TextReader InitReader(string fieldName, TextReader reader) => new OneToOneCharFilter(reader, Yo);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(SearchAnalyzers.Version, reader);
        TokenStream result = new InvariantLowerCaseFilter(source);
        result = new StopFilter(SearchAnalyzers.Version, result, StopWords);
        result = stemming == RussianStemming.Light
            ? new RussianLightStemFilter(result)
            : new SnowballFilter(result, new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer());
        return new TokenStreamComponents(source, result);
    }
}

/// <summary>
/// The Russian stemmers Lucene offers. The site uses the light one; Snowball is kept to compare them
/// on the relevance set (the tests do), since Snowball cuts «инициатив» to «инициат» and «актив» to «акт».
/// </summary>
public enum RussianStemming
{
    Light,
    Snowball,
}
