using System.Globalization;
using System.Text;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Quizzes;

/// <summary>
/// Folds a short answer so that spellings a teacher would accept compare equal: case, spaces
/// and punctuation around it, «ё» and «е», Kazakh typed in the Latin alphabet of 2021 (and the
/// 2018 acute letters), and Kazakh letters typed as their Russian look-alikes («кала» for «қала»).
/// Both the accepted answers and the learner's answer go through the same fold.
/// </summary>
public static class AnswerNormalizer
{
    public static string Fold(string answer) => Fold(answer, digraphs: true);

    private static string Fold(string answer, bool digraphs)
    {
        var text = Trim(CollapseSpaces(answer.Normalize(NormalizationForm.FormC)));
        var folded = new StringBuilder(KazakhLatin.ToCyrillic(text, digraphs));
        for (var i = 0; i < folded.Length; i++)
        {
            folded[i] = IsDash(folded[i]) ? '-' : KazakhKeyboard.Fold(char.ToLowerInvariant(folded[i]));
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
