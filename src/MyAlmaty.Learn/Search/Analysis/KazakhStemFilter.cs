using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>Applies <see cref="KazakhStemmer"/> to each token.</summary>
public sealed class KazakhStemFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public KazakhStemFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        _term.Length = KazakhStemmer.Stem(_term.Buffer.AsSpan(0, _term.Length));
        return true;
    }
}
