using System.Globalization;
using DiffPlex;

namespace MyAlmaty.Learn.Content.Versions;

/// <summary>A text as lines for DiffPlex: "\r\n" and "\n" end a line, an empty text has none.</summary>
internal sealed class LineSplitter : IChunker
{
    public static readonly LineSplitter Instance = new();

    public IReadOnlyList<string> Chunk(string text) =>
        text.Length == 0 ? [] : text.Replace("\r\n", "\n").Split('\n');
}

/// <summary>
/// A line as pieces for DiffPlex: runs of letters and digits (with their combining accents), runs of
/// spaces, and every other sign alone — so «слово», a quotation mark or a comma changes on its own.
/// The pieces joined give the line back exactly.
/// </summary>
internal sealed class WordSplitter : IChunker
{
    public static readonly WordSplitter Instance = new();

    public IReadOnlyList<string> Chunk(string text)
    {
        var pieces = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var kind = KindOf(text[start]);
            var end = start + 1;
            if (kind != Kind.Sign)
            {
                while (end < text.Length && KindOf(text[end]) == kind) end++;
            }
            pieces.Add(text[start..end]);
            start = end;
        }
        return pieces;
    }

    private enum Kind { Word, Space, Sign }

    private static Kind KindOf(char c) => char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
        ? Kind.Word
        : char.IsWhiteSpace(c) ? Kind.Space : Kind.Sign;
}
