namespace MyAlmaty.Learn.Localization;

/// <summary>
/// Invariant lower case by table for the Latin and Cyrillic letters our texts are made of.
/// <see cref="char.ToLowerInvariant"/> asks ICU for every letter outside ASCII, which made lower-casing
/// a sixth of a search page's time (snippets analyze ten texts); any other character still goes there.
/// </summary>
public static class LowerCase
{
    /// <summary>Up to the end of the Cyrillic Supplement block: Latin, Latin-1, Latin Extended, Greek, Cyrillic.</summary>
    private const char TableEnd = '\u0530';

    private static readonly char[] Table = Build();

    private static char[] Build()
    {
        var table = new char[TableEnd];
        for (var c = '\0'; c < TableEnd; c++) table[c] = char.ToLowerInvariant(c);
        return table;
    }

    public static char Invariant(char c) => c < TableEnd ? Table[c] : char.ToLowerInvariant(c);

    /// <summary>Lower-cases <paramref name="text"/> in place.</summary>
    public static void Invariant(Span<char> text)
    {
        for (var i = 0; i < text.Length; i++) text[i] = Invariant(text[i]);
    }
}
