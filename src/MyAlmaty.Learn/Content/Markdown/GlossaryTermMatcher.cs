using System.Globalization;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Finds mentions of glossary terms in text in any of their word forms. Immutable and safe to
/// share between threads; build one per glossary and culture.
/// </summary>
public sealed class GlossaryTermMatcher
{
    private readonly Dictionary<char, List<TermPattern>> _patternsByFirstLetter = [];

    public GlossaryTermMatcher(IEnumerable<GlossaryLink> glossary, string culture)
    {
        ArgumentNullException.ThrowIfNull(glossary);
        var forms = WordForms.ForCulture(culture);

        foreach (var term in glossary)
        {
            foreach (var name in term.Aliases.Prepend(term.Title))
            {
                var words = Tokenize(name).Select(w => forms.Compile(name.Substring(w.Index, w.Length))).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }

                var first = words[0].Word[0];
                if (!_patternsByFirstLetter.TryGetValue(first, out var patterns))
                {
                    _patternsByFirstLetter[first] = patterns = [];
                }

                patterns.Add(new TermPattern(term, words));
            }
        }
    }

    /// <summary>
    /// Mentions in <paramref name="text"/>, in text order, never overlapping. Where two terms
    /// overlap the one with more words (then more characters) wins.
    /// </summary>
    public IReadOnlyList<GlossaryTermMatch> Matches(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_patternsByFirstLetter.Count == 0)
        {
            return [];
        }

        var words = Tokenize(text);
        var normalized = words.Select(w => WordForms.Normalize(text.AsSpan(w.Index, w.Length))).ToArray();
        var candidates = new List<Candidate>();

        for (var i = 0; i < words.Count; i++)
        {
            if (!_patternsByFirstLetter.TryGetValue(normalized[i][0], out var patterns))
            {
                continue;
            }

            foreach (var pattern in patterns)
            {
                if (MatchesAt(pattern, i, text, words, normalized))
                {
                    var last = words[i + pattern.Words.Length - 1];
                    candidates.Add(new Candidate(i, pattern.Words.Length, words[i].Index, last.Index + last.Length, pattern.Term));
                }
            }
        }

        return SelectLongest(candidates);
    }

    private static bool MatchesAt(TermPattern pattern, int start, string text, List<Word> words, string[] normalized)
    {
        if (start + pattern.Words.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < pattern.Words.Length; k++)
        {
            var i = start + k;
            if (k > 0 && !IsWhitespaceBetween(text, words[i - 1], words[i]))
            {
                return false;
            }

            if (!pattern.Words[k].Matches(normalized[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWhitespaceBetween(string text, Word left, Word right)
    {
        var gap = text.AsSpan(left.Index + left.Length, right.Index - left.Index - left.Length);
        foreach (var c in gap)
        {
            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static List<GlossaryTermMatch> SelectLongest(List<Candidate> candidates)
    {
        candidates.Sort((a, b) =>
            b.WordCount != a.WordCount ? b.WordCount.CompareTo(a.WordCount)
            : b.End - b.Start != a.End - a.Start ? (b.End - b.Start).CompareTo(a.End - a.Start)
            : a.Start.CompareTo(b.Start));

        var chosen = new List<Candidate>();
        foreach (var candidate in candidates)
        {
            if (!chosen.Any(c => c.Start < candidate.End && candidate.Start < c.End))
            {
                chosen.Add(candidate);
            }
        }

        return chosen
            .OrderBy(c => c.Start)
            .Select(c => new GlossaryTermMatch(c.Start, c.End - c.Start, c.Term))
            .ToList();
    }

    /// <summary>Words are runs of letters, digits and combining marks, joined by inner hyphens («смарт-сити»).</summary>
    internal static List<Word> Tokenize(string text)
    {
        var words = new List<Word>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsWordChar(text[i]) || (IsHyphen(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]))))
            {
                i++;
            }

            words.Add(new Word(start, i - start));
        }

        return words;
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    internal readonly record struct Word(int Index, int Length);

    private sealed record TermPattern(GlossaryLink Term, WordPattern[] Words);

    private readonly record struct Candidate(int WordIndex, int WordCount, int Start, int End, GlossaryLink Term);
}
