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
        // 3rd-person possessive with the accusative «-н» after it: қаласын, көшесін
        "сын", "син",
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
            if (SuffixLookup.Contains(word[^cut..]) && HasVowel(stem) && MayFollow(word[^cut..], stem)) return cut;
        }
        return SingleLetterEnding(word);
    }

    /// <summary>
    /// Whether the ending can come after <paramref name="stem"/>: Kazakh picks the first consonant of an
    /// ending by the sound before it (қалада, мектепте, үйлер, жолдар), so a word that only looks
    /// like it ends in one (асхана, орта) keeps its letters.
    /// </summary>
    private static bool MayFollow(ReadOnlySpan<char> ending, ReadOnlySpan<char> stem)
    {
        var last = stem[^1];
        return ending[0] switch
        {
            'т' or 'к' => IsVoiceless(last),
            'д' or 'г' => !IsVoiceless(last),
            'л' => IsVowel(last) || last is 'р' or 'у',
            // The ablative takes «н» after м, н, ң and after a possessive: адамнан, ауданнан, қаласынан
            // (after other vowels it is «-дан»: қаладан).
            'н' when ending is "нан" or "нен" => last is 'ы' or 'и' or 'м' or 'н',
            // The genitive: after a vowel (a possessive too) and after м, н, ң: қаланың, қаласының, адамның.
            'н' when ending is "нын" or "нин" => EndsInVowelSound(stem) || last is 'м' or 'н',
            // Locative and dative after a possessive: қаласында, қаласына.
            'н' when ending[1] is 'д' or 'а' or 'е' => last is 'ы' or 'и',
            // The accusative «-ны» after a vowel (қаланы); the polite «-ңыз» after a vowel of a stem
            // of three letters or more, as roots in «-ңыз/-ңіз» are common (теңіз, маңыз).
            'н' when ending is "ныз" or "низ" => EndsInVowelSound(stem) && stem.Length >= 3,
            'н' => EndsInVowelSound(stem),
            // Possessives: «-ым, -ың» after a consonant, «-сы, -мыз, -ңыз» after a vowel.
            'ы' or 'и' => !IsVowel(last),
            'с' => IsThirdPersonAfterVowel(stem),
            // «-мыз/-міз» after a vowel, not from roots in «-мыз» (қымыз): a stem of three letters or more.
            'м' when ending.Length <= 3 && ending is not "мен" => EndsInVowelSound(stem) && stem.Length >= 3,
            _ => true,
        };
    }

    /// <summary>
    /// Whether the stem ends in a vowel for the endings that differ after one. A final «у» is not one:
    /// it is the glide [w] and takes the endings of a consonant (суды, судың, суға, дамуы), not «-ны, -ның, -сы».
    /// </summary>
    private static bool EndsInVowelSound(ReadOnlySpan<char> stem) => IsVowel(stem[^1]) && stem[^1] != 'у';

    /// <summary>
    /// «-сы/-сі» goes after a vowel, but «…ысы» may as well be a noun in «-ыс/-іс» with «-ы» (жиналысы,
    /// өзгерісі, жұмысы, байланысы) as a noun in «-ы/-і» with «-сы». The words in «-ы/-і» that take it are
    /// above all agent nouns in «-шы/-ші» (қатысушысы), nouns in «-ғы/-гі» (белгісі, үлгісі, жарғысы) and
    /// adjectives in «-ды/-ді» used as nouns (белсендісі, маңыздысы, қорытындысы), so after «ы/і» the
    /// ending is «-сы» only after ш, ғ/г, д. A stem of two letters is a root in «-с» (досы, басы), not a
    /// vowel-final one.
    /// </summary>
    private static bool IsThirdPersonAfterVowel(ReadOnlySpan<char> stem) =>
        stem.Length >= 3 && EndsInVowelSound(stem) && (stem[^1] is not ('ы' or 'и') || stem[^2] is 'ш' or 'г' or 'д');

    private static bool IsVoiceless(char c) => "кпстшфхцчщ".Contains(c);

    /// <summary>
    /// One-letter endings are the riskiest, so they are taken only where the grammar puts them:
    /// the possessive «-ы/-і» after a consonant (сабағы, and әні, елі of two-letter roots), after «у»
    /// and «й», which take it like consonants (дамуы, суы; үйі, folded «уии»), and the accusative «-н»
    /// after it (қаласын) from words of four letters or more.
    /// </summary>
    private static int SingleLetterEnding(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || !HasVowel(word[..^1])) return 0;
        var last = word[^1];
        var before = word[^2];
        if (last is 'ы' or 'и' && (!IsVowel(before) || before is 'у' or 'и')) return 1;
        if (last == 'н' && before is 'ы' or 'и' && word.Length >= 4) return 1;
        return 0;
    }

    private static bool HasVowel(ReadOnlySpan<char> stem) => stem.IndexOfAny("аеиоуыэюя") >= 0;

    private static bool IsVowel(char c) => "аеиоуыэюя".Contains(c);
}
