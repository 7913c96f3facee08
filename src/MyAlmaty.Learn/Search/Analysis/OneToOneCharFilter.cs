using System.Collections.Frozen;
using Lucene.Net.Analysis;

namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>
/// Replaces single characters with single characters (ё → е, a dot → a space) as text is read.
/// Lucene's <c>MappingCharFilter</c> does any mapping, but reads one character at a time through a
/// locked buffer, which was a tenth of the time of a results page (its snippets analyze ten texts);
/// one character for one needs no offset correction, so this reads and replaces in blocks.
/// </summary>
public sealed class OneToOneCharFilter(TextReader input, FrozenDictionary<char, char> map) : CharFilter(input)
{
    protected override int Correct(int currentOff) => currentOff;

    public override int Read(char[] buffer, int index, int count)
    {
        var read = m_input.Read(buffer, index, count);
        for (var i = index; i < index + read; i++)
        {
            if (map.TryGetValue(buffer[i], out var replacement)) buffer[i] = replacement;
        }
        return read;
    }

    public override int Read()
    {
        var c = m_input.Read();
        return c >= 0 && map.TryGetValue((char)c, out var replacement) ? replacement : c;
    }
}
