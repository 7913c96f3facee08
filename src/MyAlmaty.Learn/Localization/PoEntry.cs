namespace MyAlmaty.Learn.Localization;

public sealed record PoEntry(
    string? Context,
    string Id,
    string? IdPlural,
    IReadOnlyList<string> Translations,
    bool IsFuzzy,
    int LineNumber)
{
    public bool IsPlural => IdPlural is not null;

    // A fuzzy entry is a translator's unchecked guess; gettext never shows it, and neither do we.
    public bool IsTranslated => !IsFuzzy && Translations.Count > 0 && Translations.All(t => t.Length > 0);
}
