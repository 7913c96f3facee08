using System.Text;

namespace MyAlmaty.Learn.Localization;

/// <summary>
/// Kazakh in the Latin alphabet of 2021, from one table: pages are shown in it
/// (<see cref="ToLatin"/>), and search and quiz answers read it back (<see cref="CyrillicFor"/>).
/// Upper case follows the Turkish rule: «И» is İ, «І» is I, so i/İ and ı/I are pairs.
/// </summary>
public static class KazakhLatin
{
    /// <summary>
    /// Every Cyrillic letter and its Latin spelling. The 31 letters of the alphabet have one sign each;
    /// letters it dropped (ё, ц, ч, щ, ю, я, ъ, ь, э) are spelled the way the 2021 rules write them.
    /// </summary>
    private static readonly (char Cyrillic, string Latin)[] Table =
    [
        ('а', "a"), ('ә', "ä"), ('б', "b"), ('в', "v"), ('г', "g"), ('ғ', "ğ"), ('д', "d"), ('е', "e"),
        ('ж', "j"), ('з', "z"), ('и', "i"), ('й', "i"), ('к', "k"), ('қ', "q"), ('л', "l"), ('м', "m"),
        ('н', "n"), ('ң', "ñ"), ('о', "o"), ('ө', "ö"), ('п', "p"), ('р', "r"), ('с', "s"), ('т', "t"),
        ('у', "u"), ('ұ', "ū"), ('ү', "ü"), ('ф', "f"), ('х', "h"), ('һ', "h"), ('ш', "ş"), ('ы', "y"),
        ('і', "ı"), ('э', "e"), ('ё', "io"), ('ц', "ts"), ('ч', "ch"), ('щ', "şş"), ('ю', "iu"), ('я', "ia"),
        ('ъ', ""), ('ь', ""),
    ];

    /// <summary>Latin signs people also use for Kazakh: the acute letters of 2018 and a few informal ones.</summary>
    private static readonly Dictionary<char, char> AlsoRead = new()
    {
        ['á'] = 'ә', ['ǵ'] = 'ғ', ['ń'] = 'ң', ['ó'] = 'ө', ['ú'] = 'ү', ['ý'] = 'у', ['c'] = 'ц', ['ç'] = 'ч',
        ['w'] = 'у', ['x'] = 'х',
    };

    private static readonly Dictionary<char, string> ToLatinMap = Table.ToDictionary(r => r.Cyrillic, r => r.Latin);

    /// <summary>Single Latin letters back to Cyrillic; where two letters share one sign, the first in the table wins (i is «и», h is «х»).</summary>
    private static readonly Dictionary<char, char> FromLatinMap = BuildFromLatin();

    private static Dictionary<char, char> BuildFromLatin()
    {
        var map = new Dictionary<char, char>();
        foreach (var (cyrillic, latin) in Table)
        {
            if (latin.Length == 1) map.TryAdd(latin[0], cyrillic);
        }
        foreach (var (latin, cyrillic) in AlsoRead) map.TryAdd(latin, cyrillic);
        return map;
    }

    /// <summary>The Cyrillic letter a lower-case Latin letter stands for, or null when it is not one.</summary>
    public static char? CyrillicFor(char latin) => FromLatinMap.TryGetValue(latin, out var c) ? c : null;

    /// <summary>Whether the letter is a Latin letter of Kazakh (lower case).</summary>
    public static bool IsLatin(char c) => FromLatinMap.ContainsKey(c);

    /// <summary>Kazakh Latin lower case: İ is i, I is ı; everything else as usual.</summary>
    public static char ToLower(char c) => c switch
    {
        'İ' => 'i',
        'I' => 'ı',
        _ => LowerCase.Invariant(c),
    };

    /// <summary>Kazakh Latin upper case: i is İ, ı is I.</summary>
    public static char ToUpper(char c) => c switch
    {
        'i' => 'İ',
        'ı' => 'I',
        _ => char.ToUpperInvariant(c),
    };

    /// <summary>
    /// Writes Cyrillic text in Latin letters; anything else is left as it is. A capital becomes a
    /// capital (ЖОБА → JOBA, Шоқан → Şoqan, Чехов → Chehov).
    /// </summary>
    public static string ToLatin(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lower = LowerCase.Invariant(c);
            if (!ToLatinMap.TryGetValue(lower, out var latin))
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
            if (lower == c || latin.Length == 0)
            {
                builder.Append(latin);
                continue;
            }
            // A capital of a two-letter spelling is all capitals inside a word in capitals.
            var wordInCapitals = (i + 1 < text.Length && char.IsUpper(text[i + 1])) || (i > 0 && char.IsUpper(text[i - 1]));
            builder.Append(ToUpper(latin[0]));
            for (var k = 1; k < latin.Length; k++) builder.Append(wordInCapitals ? ToUpper(latin[k]) : latin[k]);
        }
        return builder?.ToString() ?? text;
    }

    /// <summary>
    /// Reads Kazakh Latin as Cyrillic, letter by letter (after <see cref="ToLower"/>). With
    /// <paramref name="digraphs"/>, «sh», «ch», «zh» are read as one letter as well.
    /// </summary>
    public static string ToCyrillic(string text, bool digraphs = false)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = ToLower(text[i]);
            if (digraphs && i + 1 < text.Length && Digraph(c, ToLower(text[i + 1])) is { } one)
            {
                builder.Append(one);
                i++;
                continue;
            }
            builder.Append(CyrillicFor(c) ?? c);
        }
        return builder.ToString();
    }

    /// <summary>The one Cyrillic letter an informal two-letter spelling stands for, or null.</summary>
    public static char? Digraph(char first, char second) => (first, second) switch
    {
        ('s', 'h') => 'ш',
        ('c', 'h') => 'ч',
        ('z', 'h') => 'ж',
        _ => null,
    };
}
