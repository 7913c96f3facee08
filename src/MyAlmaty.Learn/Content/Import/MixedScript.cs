using System.Globalization;
using System.Text.RegularExpressions;

namespace MyAlmaty.Learn.Content.Import;

/// <summary>A word that mixes Latin and Cyrillic letters, with its line and column in the text (both from 1).</summary>
public readonly record struct MixedWord(string Word, int Line, int Column);

/// <summary>
/// Finds words that mix Latin and Cyrillic letters: «Алмaты» with a Latin a, «бiлiм» with a Latin i for
/// the Kazakh і, «cайт», «Pабота» — Kazakh typed on the wrong layout, or text pasted from elsewhere. Such
/// a word looks right but is not found by search and is read aloud letter by letter.
/// <para>
/// A word is a run of letters (with their combining accents); it is mixed when it has at least one Latin
/// letter (the Kazakh Latin letters of 2021 — á ǵ ń ó ú ý ı ş ç — are Latin) and at least one Cyrillic one
/// (ә ғ қ ң ө ұ ү һ і are Cyrillic). So, by design:
/// </para>
/// <list type="bullet">
/// <item>Words joined by a hyphen, an apostrophe or a digit are checked part by part: «IT-компания»,
/// «Wi-Fi-сеть», «SMS-кодты», «5G-желі» are right; «Wi-Fi-ceть» is not, for its «ceть».</item>
/// <item>A number with a unit is a number and a word: «5km» and «5км» are right, «5кm» is not.</item>
/// <item>A Roman numeral in Latin letters is a Latin word («XXI век» is right); one typed with a Cyrillic
/// Х next to a Latin I («ХХI») is mixed, and is the very mistake this finds.</item>
/// <item>Not read at all: code (fenced blocks and `spans`), web addresses, link targets, e-mail
/// addresses and HTML tags — they are not words for readers.</item>
/// </list>
/// </summary>
public static partial class MixedScript
{
    /// <summary>Every mixed word in a text (Markdown or a plain value), in order.</summary>
    public static IReadOnlyList<MixedWord> Find(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var found = new List<MixedWord>();
        Find(lines, 0, lines.Length, found);
        return found;
    }

    /// <summary>The mixed words of lines [<paramref name="from"/>, <paramref name="to"/>); a word's line is its index plus one.</summary>
    internal static void Find(IReadOnlyList<string> lines, int from, int to, List<MixedWord> found)
    {
        string? fence = null;
        for (var i = from; i < to; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (Fence(line) is { } marker)
            {
                // A fence closes with the same character, at least as many times.
                if (fence is null) fence = marker;
                else if (marker[0] == fence[0] && marker.Length >= fence.Length && line.Trim().Length == marker.Length) fence = null;
                continue;
            }
            if (fence is null) FindInLine(line, i + 1, found);
        }
    }

    /// <summary>Whether a word has both Latin and Cyrillic letters.</summary>
    public static bool IsMixed(ReadOnlySpan<char> word)
    {
        bool latin = false, cyrillic = false;
        foreach (var c in word)
        {
            latin |= IsLatin(c);
            cyrillic |= IsCyrillic(c);
            if (latin && cyrillic) return true;
        }
        return false;
    }

    public static bool IsLatin(char c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z'
        || (c is >= '\u00C0' and <= '\u024F' && char.IsLetter(c))
        || c is >= '\u1E00' and <= '\u1EFF';

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u052F' or >= '\u1C80' and <= '\u1C8F' or >= '\u2DE0' and <= '\u2DFF' or >= '\uA640' and <= '\uA69F';

    private static void FindInLine(string line, int number, List<MixedWord> found)
    {
        if (!HasBothScripts(line)) return;
        var skipped = new bool[line.Length];
        foreach (Match m in NotWords().Matches(line))
        {
            Array.Fill(skipped, true, m.Index, m.Length);
        }
        var start = -1;
        for (var i = 0; i <= line.Length; i++)
        {
            var inWord = i < line.Length && !skipped[i] && IsWordChar(line[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                if (IsMixed(line.AsSpan(start, i - start))) found.Add(new MixedWord(line[start..i], number, start + 1));
                start = -1;
            }
        }
    }

    private static bool HasBothScripts(string line)
    {
        bool latin = false, cyrillic = false;
        foreach (var c in line)
        {
            latin |= IsLatin(c);
            cyrillic |= IsCyrillic(c);
        }
        return latin && cyrillic;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static string? Fence(string line)
    {
        var m = FencePattern().Match(line);
        return m.Success ? m.Groups["fence"].Value : null;
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})")]
    private static partial Regex FencePattern();

    /// <summary>
    /// What is not words in a line: code spans, web addresses (with a scheme or www.), link targets,
    /// e-mail addresses and HTML tags.
    /// </summary>
    [GeneratedRegex(@"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)" +
        @"|\b(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s<>""«»]+" +
        @"|\]\([^)]*\)" +
        @"|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+" +
        @"|</?[A-Za-z][^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex NotWords();
}
