using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>
/// Lower case, as Lucene's <c>LowerCaseFilter</c>, by <see cref="LowerCase"/>'s table: that filter
/// asks ICU for each Cyrillic letter. Letters outside the Basic Multilingual Plane are left as they are.
/// </summary>
public sealed class InvariantLowerCaseFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public InvariantLowerCaseFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        LowerCase.Invariant(_term.Buffer.AsSpan(0, _term.Length));
        return true;
    }
}
