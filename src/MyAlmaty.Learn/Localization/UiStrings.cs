using System.Globalization;

namespace MyAlmaty.Learn.Localization;

// msgids are the English source strings (the Orchard Core convention), so an untranslated
// string still reads as something meaningful rather than a key.
public sealed class UiStrings
{
    private readonly Dictionary<string, PoCatalog> _catalogs;

    public UiStrings(string directory)
    {
        _catalogs = Cultures.All.ToDictionary(c => c, c => Load(directory, c), StringComparer.Ordinal);
    }

    public PoCatalog Catalog(string culture) =>
        _catalogs.TryGetValue(culture, out var catalog)
            ? catalog
            : throw new ArgumentOutOfRangeException(nameof(culture), culture, $"No UI strings for culture '{culture}'.");

    public string Get(string culture, string msgid, params object?[] args)
    {
        var text = Catalog(culture).TryGet(msgid, null, out var translated) ? translated : msgid;
        return Format(culture, text, msgid, args);
    }

    public string Plural(string culture, long n, string msgid, string msgidPlural, params object?[] args)
    {
        var source = n == 1 ? msgid : msgidPlural;
        var text = Catalog(culture).GetPlural(msgid, n, null) ?? source;
        return Format(culture, text, source, [new Count(n), .. args]);
    }

    private static string Format(string culture, string text, string source, object?[] args)
    {
        // Without arguments the text is shown as written, so a literal brace needs no escaping.
        if (args.Length == 0)
        {
            return text;
        }

        var formatProvider = Cultures.Get(culture);
        try
        {
            return string.Format(formatProvider, text, args);
        }
        catch (FormatException) when (!ReferenceEquals(text, source))
        {
            // A translator's typo in a placeholder must not take the page down; the source string
            // is the developer's and is covered by tests.
            return string.Format(formatProvider, source, args);
        }
    }

    private static PoCatalog Load(string directory, string culture)
    {
        var path = Path.Combine(directory, culture + ".po");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"UI strings for '{culture}' are missing: expected {path} (one PO file per culture in {string.Join(", ", Cultures.All)}).",
                path);
        }

        return PoParser.Load(path, culture);
    }

    // Counts read better grouped ("1 000", with a no-break space in ru and kk) unless the
    // placeholder asks for another format, e.g. {0:D}.
    private readonly record struct Count(long Value) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) =>
            Value.ToString(string.IsNullOrEmpty(format) ? "N0" : format, formatProvider);

        public override string ToString() => ToString(null, CultureInfo.CurrentCulture);
    }
}
