using System.Diagnostics.CodeAnalysis;

namespace MyAlmaty.Learn.Localization;

public sealed class PoCatalog
{
    private readonly Dictionary<string, PoEntry> _entries;

    internal PoCatalog(string culture, string fileName, PluralFormula pluralForms, IReadOnlyList<PoEntry> entries)
    {
        Culture = culture;
        FileName = fileName;
        PluralForms = pluralForms;
        Entries = entries;
        _entries = entries.ToDictionary(e => Key(e.Context, e.Id), StringComparer.Ordinal);
    }

    public string Culture { get; }

    public string FileName { get; }

    public PluralFormula PluralForms { get; }

    public int NPlurals => PluralForms.NPlurals;

    public IReadOnlyCollection<PoEntry> Entries { get; }

    public bool TryGet(string msgid, string? context, [MaybeNullWhen(false)] out string value)
    {
        if (_entries.TryGetValue(Key(context, msgid), out var entry) && !entry.IsFuzzy && entry.Translations[0].Length > 0)
        {
            value = entry.Translations[0];
            return true;
        }

        value = null;
        return false;
    }

    public string? GetPlural(string msgid, long n, string? context = null)
    {
        if (!_entries.TryGetValue(Key(context, msgid), out var entry) || entry.IsFuzzy || !entry.IsPlural)
        {
            return null;
        }

        var form = entry.Translations[PluralForms.Evaluate(n)];
        return form.Length > 0 ? form : null;
    }

    public bool HasTranslation(string msgid, string? context = null) =>
        _entries.TryGetValue(Key(context, msgid), out var entry) && entry.IsTranslated;

    // gettext's own convention: context and msgid joined by EOT, which cannot occur in either.
    internal static string Key(string? context, string msgid) =>
        context is null ? msgid : context + '\u0004' + msgid;
}
