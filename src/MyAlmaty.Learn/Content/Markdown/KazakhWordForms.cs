namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Kazakh is agglutinative: a dictionary word keeps its shape and takes a chain of suffixes
/// (plural, possessive, case), so a form is the word plus up to three known suffixes. A final
/// voiceless к/қ/п voices to г/ғ/б before a vowel (белсенділік → белсенділігі).
/// </summary>
internal sealed class KazakhWordForms : WordForms
{
    private const int MaximumSuffixes = 3;

    private static readonly string[] PluralSuffixes = ["лар", "лер", "дар", "дер", "тар", "тер"];

    // Vowel harmony and assimilation are not checked: each suffix appears in all its variants.
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        // plural
        "лар", "лер", "дар", "дер", "тар", "тер",
        // possessive
        "м", "ым", "ім", "ң", "ың", "ің", "ңыз", "ңіз", "ыңыз", "іңіз", "ы", "і", "сы", "сі",
        "мыз", "міз", "ымыз", "іміз",
        // genitive, dative, accusative
        "ның", "нің", "дың", "дің", "тың", "тің",
        "ға", "ге", "қа", "ке", "а", "е", "на", "не",
        "ны", "ні", "ды", "ді", "ты", "ті", "н",
        // locative, ablative, instrumental
        "да", "де", "та", "те", "нда", "нде",
        "дан", "ден", "тан", "тен", "нан", "нен",
        "мен", "бен", "пен", "менен", "бенен", "пенен",
        // «-дағы»: the one in/at …
        "ғы", "гі", "қы", "кі",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup =
        Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestSuffix = Suffixes.Max(s => s.Length);

    protected override IEnumerable<WordStem> StemsOf(string word)
    {
        foreach (var root in RootsOf(word))
        {
            yield return new WordStem(root);
            if (Voiced(root[^1]) is { } voiced)
            {
                yield return new WordStem(root[..^1] + voiced, NeedsVowelEnding: true);
            }
        }
    }

    protected internal override bool IsEnding(ReadOnlySpan<char> ending) => IsSuffixChain(ending, MaximumSuffixes);

    private static IEnumerable<string> RootsOf(string word)
    {
        yield return word;

        // A term written in the plural («қауымдастықтар») is still mentioned in the singular.
        foreach (var plural in PluralSuffixes)
        {
            if (word.EndsWith(plural, StringComparison.Ordinal) && word.Length - plural.Length >= MinimumStemLength)
            {
                yield return word[..^plural.Length];
            }
        }
    }

    private static char? Voiced(char last) => last switch
    {
        'к' => 'г',
        'қ' => 'ғ',
        'п' => 'б',
        _ => null,
    };

    private static bool IsSuffixChain(ReadOnlySpan<char> text, int suffixesLeft)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        if (suffixesLeft == 0)
        {
            return false;
        }

        for (var length = Math.Min(LongestSuffix, text.Length); length >= 1; length--)
        {
            if (SuffixLookup.Contains(text[..length]) && IsSuffixChain(text[length..], suffixesLeft - 1))
            {
                return true;
            }
        }

        return false;
    }
}
