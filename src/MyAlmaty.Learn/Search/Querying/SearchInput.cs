using System.Globalization;
using System.Text;
using Lucene.Net.QueryParsers.Classic;

namespace MyAlmaty.Learn.Search.Querying;

/// <summary>
/// What a reader typed, made safe to search for: invisible and control characters dropped, spaces
/// collapsed, the length capped; then written in query syntax where only quotes mean anything
/// (a phrase) and everything else is escaped — «*», «AND», «title:» are just text.
/// </summary>
public static class SearchInput
{
    public const int MaximumLength = 200;
    public const int MaximumWords = 12;

    private const string Quotes = "\"«»“”„‟";

    /// <summary>The cleaned text, and whether it had to be shortened.</summary>
    public static (string Text, bool Shortened) Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return ("", false);
        var kept = new StringBuilder(Math.Min(raw.Length, MaximumLength * 2));
        var space = false;
        for (var i = 0; i < raw.Length && kept.Length <= MaximumLength * 4; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                kept.Append(c).Append(raw[++i]);
                space = false;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = kept.Length > 0;
                continue;
            }
            // U+FFFD stands for bytes a browser could not decode: nothing a reader meant.
            if (char.IsControl(c) || char.IsSurrogate(c) || c == '\uFFFD' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned) continue;
            if (space) kept.Append(' ');
            space = false;
            kept.Append(c);
        }
        var text = kept.ToString().Normalize(NormalizationForm.FormC);
        var shortened = false;
        if (text.Length > MaximumLength)
        {
            var cut = text.LastIndexOf(' ', MaximumLength);
            text = text[..(cut > 0 ? cut : MaximumLength)];
            shortened = true;
        }
        var words = text.Split(' ');
        if (words.Length > MaximumWords)
        {
            text = string.Join(' ', words.Take(MaximumWords));
            shortened = true;
        }
        return (text, shortened);
    }

    /// <summary>
    /// The cleaned text in the query parser's syntax: text between a pair of quotes is a phrase,
    /// an unpaired quote is ignored, every other special character is escaped.
    /// </summary>
    public static string ToSyntax(string text)
    {
        var syntax = new StringBuilder(text.Length + 16);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOfAny(Quotes.ToCharArray(), position);
            var close = open < 0 ? -1 : text.IndexOfAny(Quotes.ToCharArray(), open + 1);
            if (close < 0)
            {
                AppendWords(syntax, open < 0 ? text[position..] : text[position..open] + " " + text[(open + 1)..]);
                break;
            }
            AppendWords(syntax, text[position..open]);
            var phrase = text[(open + 1)..close].Trim();
            if (phrase.Length > 0) syntax.Append(" \"").Append(QueryParserBase.Escape(phrase)).Append('"');
            position = close + 1;
        }
        return syntax.ToString().Trim();
    }

    private static void AppendWords(StringBuilder syntax, string words)
    {
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // The parser's operators are words in capitals; a reader typing them means the words.
            var literal = word is "AND" or "OR" or "NOT" ? word.ToLowerInvariant() : word;
            // A colon would join «title:город» into one token; a reader means two words.
            foreach (var part in literal.Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                syntax.Append(' ').Append(QueryParserBase.Escape(part));
            }
        }
    }
}
