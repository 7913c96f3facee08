using System.Text;

namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Recognises inflected forms of a dictionary word in one language, without a dictionary:
/// a text word is a form of a dictionary word when it starts with one of the word's stems and
/// what follows the stem is an ending the language can put there.
/// </summary>
public abstract class WordForms
{
    /// <summary>Stems shorter than this match too many unrelated words.</summary>
    protected const int MinimumStemLength = 3;

    public static WordForms Russian { get; } = new RussianWordForms();

    public static WordForms Kazakh { get; } = new KazakhWordForms();

    /// <summary>Only the word itself, case-insensitively, for cultures we have no endings for.</summary>
    public static WordForms ExactOnly { get; } = new ExactWordForms();

    public static WordForms ForCulture(string culture)
    {
        var language = culture.Split('-', '_')[0];
        return language.ToLowerInvariant() switch
        {
            "ru" => Russian,
            "kk" => Kazakh,
            _ => ExactOnly,
        };
    }

    /// <summary>Lower-cases and folds ё into е, the way Russian is commonly typed.</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        var buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(buffer);
        buffer.Replace('ё', 'е');
        return new string(buffer);
    }

    /// <summary>Prepares a dictionary word (any case) for matching text words against it.</summary>
    public WordPattern Compile(string dictionaryWord)
    {
        var word = Normalize(dictionaryWord.Normalize(NormalizationForm.FormC));
        var stems = StemsOf(word).Distinct().ToArray();
        return new WordPattern(this, word, stems);
    }

    /// <summary>The stems a form of <paramref name="word"/> can start with; the word itself is always one.</summary>
    protected abstract IEnumerable<WordStem> StemsOf(string word);

    /// <summary>Whether <paramref name="ending"/> (never empty) can follow a stem in this language.</summary>
    protected internal abstract bool IsEnding(ReadOnlySpan<char> ending);

    protected internal virtual bool IsVowel(char c) => "аеёиоуыэюяәөұүі".Contains(c);

    private sealed class ExactWordForms : WordForms
    {
        protected override IEnumerable<WordStem> StemsOf(string word) => [new WordStem(word)];

        protected internal override bool IsEnding(ReadOnlySpan<char> ending) => false;
    }
}

/// <summary>A stem; <paramref name="NeedsVowelEnding"/> marks a consonant alternation that only happens before a vowel.</summary>
public readonly record struct WordStem(string Text, bool NeedsVowelEnding = false);

/// <summary>A compiled dictionary word that tells whether a text word is one of its forms.</summary>
public sealed class WordPattern
{
    private readonly WordForms _forms;
    private readonly WordStem[] _stems;

    internal WordPattern(WordForms forms, string word, WordStem[] stems)
    {
        _forms = forms;
        Word = word;
        _stems = stems;
    }

    /// <summary>The normalized dictionary word.</summary>
    public string Word { get; }

    public IReadOnlyList<WordStem> Stems => _stems;

    /// <summary>Whether <paramref name="normalizedWord"/> (see <see cref="WordForms.Normalize"/>) is a form of this word.</summary>
    public bool Matches(ReadOnlySpan<char> normalizedWord)
    {
        foreach (var stem in _stems)
        {
            if (!normalizedWord.StartsWith(stem.Text, StringComparison.Ordinal))
            {
                continue;
            }

            var ending = normalizedWord[stem.Text.Length..];
            if (ending.IsEmpty)
            {
                if (!stem.NeedsVowelEnding)
                {
                    return true;
                }

                continue;
            }

            if ((!stem.NeedsVowelEnding || _forms.IsVowel(ending[0])) && _forms.IsEnding(ending))
            {
                return true;
            }
        }

        return false;
    }
}
