namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>
/// Russian nouns and adjectives inflect by replacing a short ending, so the stem is the word
/// without whichever of its endings is stripped, and a form is that stem plus any ending.
/// </summary>
internal sealed class RussianWordForms : WordForms
{
    // Case and number endings of nouns and full adjectives (ё already folded into е).
    private static readonly HashSet<string> Endings = new(StringComparer.Ordinal)
    {
        "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
        "ом", "ем", "ой", "ей", "ам", "ям", "ах", "ях", "ов", "ев", "ью", "ию", "ия", "ие", "ии", "ий",
        "ами", "ями", "ием", "иям", "иях", "иями",
        "ый", "ая", "яя", "ое", "ее", "ые", "ую", "юю", "ою", "ею",
        "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ыми", "ими",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> EndingLookup =
        Endings.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestEnding = Endings.Max(e => e.Length);

    protected override IEnumerable<WordStem> StemsOf(string word)
    {
        yield return new WordStem(word);

        // Every ending the word could carry is tried, not just the longest: «низовые» could be
        // низов+ые or низовы+е, and only the first explains «низовых».
        for (var length = 1; length <= LongestEnding && word.Length - length >= MinimumStemLength; length++)
        {
            if (Endings.Contains(word[^length..]))
            {
                yield return new WordStem(word[..^length]);
            }
        }
    }

    protected internal override bool IsEnding(ReadOnlySpan<char> ending) =>
        ending.Length <= LongestEnding && EndingLookup.Contains(ending);
}
