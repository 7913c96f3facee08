namespace MyAlmaty.Learn.Search.Analysis;

/// <summary>
/// Strips Kazakh inflections — plural, possessive and case endings — from a word already
/// lower-cased and folded to Russian-keyboard letters (see <see cref="Localization.KazakhKeyboard"/>),
/// longest ending first and again while one is left, never below a safe stem. Derivational
/// suffixes (-лық, -шы, -ла) make new words and are kept: белсенді and белсенділік stay apart.
/// </summary>
public static class KazakhStemmer
{
    private const int MaximumSteps = 5;

    // Folded forms: ғ→г, қ→к, ң→н, і→и, so «ның/нің» is «нын/нин» and «ға/қа» is «га/ка».
    private static readonly string[] Suffixes =
    [
        // plural
        "лар", "лер", "дар", "дер", "тар", "тер",
        // genitive
        "нын", "нин", "дын", "дин", "тын", "тин",
        // dative
        "га", "ге", "ка", "ке", "на", "не",
        // accusative
        "ны", "ни", "ды", "ди", "ты", "ти",
        // locative, and «-дағы»: the one in …
        "да", "де", "та", "те", "нда", "нде", "дагы", "деги", "тагы", "теги", "ндагы", "ндеги",
        // ablative
        "дан", "ден", "тан", "тен", "нан", "нен",
        // instrumental
        "мен", "бен", "пен", "менен", "бенен", "пенен",
        // possessive (1st and 2nd person, 3rd after a vowel); «-ың» folds into «-ын»
        "ым", "им", "ын", "ин", "сы", "си", "мыз", "миз", "ымыз", "имиз", "ныз", "низ", "ыныз", "иниз",
    ];

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup =
        new HashSet<string>(Suffixes, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestSuffix = Suffixes.Max(s => s.Length);

    /// <summary>The length of the stem of <paramref name="word"/>; its last letter may be rewritten (г→к, б→п).</summary>
    public static int Stem(Span<char> word)
    {
        var length = word.Length;
        for (var step = 0; step < MaximumSteps; step++)
        {
            var cut = LongestEnding(word[..length]);
            if (cut == 0) break;
            length -= cut;
        }
        // A final к/п voices to г/б before a vowel (сабақ → сабағы, мектеп → мектебі): one stem for both.
        if (length > 0)
        {
            word[length - 1] = word[length - 1] switch
            {
                'г' => 'к',
                'б' => 'п',
                var c => c,
            };
        }
        return length;
    }

    public static string Stem(string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, Stem(buffer));
    }

    private static int LongestEnding(ReadOnlySpan<char> word)
    {
        for (var cut = Math.Min(LongestSuffix, word.Length - 2); cut >= 2; cut--)
        {
            var stem = word[..^cut];
            if (SuffixLookup.Contains(word[^cut..]) && HasVowel(stem) && MayFollow(word[^cut..], stem[^1])) return cut;
        }
        return SingleLetterEnding(word);
    }

    /// <summary>
    /// Whether the ending can come after <paramref name="last"/>: Kazakh picks the first consonant of an
    /// ending by the sound before it (қалада, мектепте, үйлер, жолдар), so a word that only looks
    /// like it ends in one (асхана, орта) keeps its letters.
    /// </summary>
    private static bool MayFollow(ReadOnlySpan<char> ending, char last) => ending[0] switch
    {
        'т' or 'к' => IsVoiceless(last),
        'д' or 'г' => !IsVoiceless(last),
        'л' => IsVowel(last) || last is 'р' or 'у',
        // After a vowel-final word or a possessive: бастаманы, қаланың, қаласына, адамнан.
        'н' when ending.Length >= 2 && ending[1] is 'д' or 'а' or 'е' => last is 'ы' or 'и',
        'н' when ending is "нан" or "нен" or "нын" or "нин" => IsVowel(last) || last is 'м' or 'н',
        'н' => IsVowel(last),
        // Possessives: «-ым, -ың» after a consonant, «-сы, -мыз, -ңыз» after a vowel.
        'ы' or 'и' => !IsVowel(last),
        'с' or 'м' when ending.Length <= 3 && ending is not "мен" => IsVowel(last),
        _ => true,
    };

    private static bool IsVoiceless(char c) => "кпстшфхцчщ".Contains(c);

    /// <summary>
    /// One-letter endings are the riskiest, so they are taken only where the grammar puts them:
    /// the possessive «-ы/-і» after a consonant (сабағы), the accusative «-н» after it (қаласын),
    /// and only from words long enough to keep a stem of three letters.
    /// </summary>
    private static int SingleLetterEnding(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || !HasVowel(word[..^1])) return 0;
        var last = word[^1];
        var before = word[^2];
        if ((last == 'ы' || last == 'и') && !IsVowel(before)) return 1;
        if (last == 'н' && (before == 'ы' || before == 'и')) return 1;
        return 0;
    }

    private static bool HasVowel(ReadOnlySpan<char> stem) => stem.IndexOfAny("аеиоуыэюя") >= 0;

    private static bool IsVowel(char c) => "аеиоуыэюя".Contains(c);
}
