using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>
/// Brings every way of typing a Kazakh word to one spelling: lower case (İ/I the Turkish way),
/// Latin letters read as Cyrillic, Kazakh letters folded to the Russian ones typed for them,
/// apostrophes dropped. For a query, a Latin word with «sh», «ch» or «zh» is also read with
/// those as one letter, as a second token at the same position.
/// </summary>
public sealed class KazakhLetterFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly bool _digraphVariants;
    private State? _state;
    private string? _variant;

    public KazakhLetterFilter(TokenStream input, bool digraphVariants) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
        _digraphVariants = digraphVariants;
    }

    public override bool IncrementToken()
    {
        if (_variant is not null)
        {
            RestoreState(_state);
            _term.SetEmpty().Append(_variant);
            _position.PositionIncrement = 0;
            _variant = null;
            return true;
        }
        if (!m_input.IncrementToken()) return false;

        var buffer = _term.Buffer;
        var length = _term.Length;
        var latin = false;
        for (var i = 0; i < length; i++)
        {
            var c = KazakhLatin.ToLower(buffer[i]);
            latin |= c < 'Ѐ' && KazakhLatin.IsLatin(c);
            buffer[i] = c;
        }
        if (!latin)
        {
            _term.Length = Fold(buffer, length);
            return true;
        }

        var word = new string(buffer, 0, length);
        var read = Folded(KazakhLatin.ToCyrillic(word));
        _term.SetEmpty().Append(read);
        if (_digraphVariants && Folded(KazakhLatin.ToCyrillic(word, digraphs: true)) is var joined && joined != read)
        {
            _variant = joined;
            _state = CaptureState();
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _variant = null;
        _state = null;
    }

    private static string Folded(string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, Fold(buffer, buffer.Length));
    }

    /// <summary>Folds in place and drops apostrophes; returns the new length.</summary>
    private static int Fold(char[] buffer, int length)
    {
        var written = 0;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            if (c is '\'' or '’' or 'ʼ') continue;
            buffer[written++] = KazakhKeyboard.Fold(c);
        }
        return written;
    }
}
