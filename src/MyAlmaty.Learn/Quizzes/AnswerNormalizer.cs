using System.Globalization;
using System.Text;

namespace MyAlmaty.Learn.Quizzes;

/// <summary>
/// Folds a short answer so that spellings a teacher would accept compare equal: case, spaces
/// and punctuation around it, «ё» and «е», Kazakh typed in the Latin alphabet of 2021 (and the
/// 2018 acute letters), and Kazakh letters typed as their Russian look-alikes («кала» for «қала»).
/// Both the accepted answers and the learner's answer go through the same fold.
/// </summary>
public static class AnswerNormalizer
{
    /// <summary>Latin letters of the Kazakh alphabets (2021, with 2018's acute forms) to Cyrillic.</summary>
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['a'] = "а", ['ä'] = "ә", ['á'] = "ә", ['b'] = "б", ['c'] = "ц", ['ç'] = "ч", ['d'] = "д", ['e'] = "е",
        ['f'] = "ф", ['g'] = "г", ['ğ'] = "ғ", ['ǵ'] = "ғ", ['h'] = "х", ['ı'] = "і", ['i'] = "и", ['j'] = "ж",
        ['k'] = "к", ['l'] = "л", ['m'] = "м", ['n'] = "н", ['ñ'] = "ң", ['ń'] = "ң", ['o'] = "о", ['ö'] = "ө",
        ['ó'] = "ө", ['p'] = "п", ['q'] = "қ", ['r'] = "р", ['s'] = "с", ['ş'] = "ш", ['t'] = "т", ['u'] = "у",
        ['ū'] = "ұ", ['ü'] = "ү", ['ú'] = "ү", ['v'] = "в", ['w'] = "у", ['x'] = "х", ['y'] = "ы", ['ý'] = "у",
        ['z'] = "з",
    };

    /// <summary>Informal Latin spellings of letters the 2021 alphabet writes with one sign.</summary>
    private static readonly (string Latin, string Cyrillic)[] Digraphs = [("sh", "ш"), ("ch", "ч"), ("zh", "ж")];

    /// <summary>Kazakh letters to the Russian letter people type for them on a Russian keyboard.</summary>
    private static readonly Dictionary<char, char> LookAlikes = new()
    {
        ['ә'] = 'а', ['ғ'] = 'г', ['қ'] = 'к', ['ң'] = 'н', ['ө'] = 'о', ['ұ'] = 'у', ['ү'] = 'у', ['һ'] = 'х', ['і'] = 'и',
        ['й'] = 'и', ['ё'] = 'е',
    };

    public static string Fold(string answer) => Fold(answer, digraphs: true);

    private static string Fold(string answer, bool digraphs)
    {
        var text = Trim(CollapseSpaces(answer.Normalize(NormalizationForm.FormC)));
        text = LowerCase(text);
        if (digraphs)
        {
            foreach (var (latin, cyrillic) in Digraphs) text = text.Replace(latin, cyrillic, StringComparison.Ordinal);
        }
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Latin.TryGetValue(c, out var cyrillic)) folded.Append(cyrillic);
            else folded.Append(c);
        }
        for (var i = 0; i < folded.Length; i++)
        {
            if (LookAlikes.TryGetValue(folded[i], out var plain)) folded[i] = plain;
            else if (IsDash(folded[i])) folded[i] = '-';
        }
        return folded.ToString();
    }

    /// <summary>
    /// Whether the answer is one of the accepted ones. Latin text is also read without the informal
    /// digraphs: in the 2021 alphabet «асхана» is "ashana", an s and an h, not «ш».
    /// </summary>
    public static bool Matches(string answer, IEnumerable<string> accepted)
    {
        string[] given = [Fold(answer, digraphs: true), Fold(answer, digraphs: false)];
        return given[0].Length > 0 && accepted.Any(a => given.Contains(Fold(a, digraphs: true)) || given.Contains(Fold(a, digraphs: false)));
    }

    /// <summary>Kazakh Latin upper case follows the Turkish rule: İ is «и», I is «і» (ı).</summary>
    private static string LowerCase(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                'İ' => 'i',
                'I' => 'ı',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString();
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Drops spaces, punctuation and symbols around the answer: «"Субботник!"» is «субботник».</summary>
    private static string Trim(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && !char.IsLetterOrDigit(text[start])) start++;
        while (end > start && !char.IsLetterOrDigit(text[end - 1])) end--;
        return text[start..end];
    }

    private static bool IsDash(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;
}
