using System.Globalization;

namespace MyAlmaty.Learn.Localization;

// msgids are the English source strings (the Orchard Core convention), so an untranslated
// string still reads as something meaningful rather than a key.
public sealed class UiStrings
{
    private readonly Dictionary<string, PoCatalog[]> _catalogs;

    /// <summary>
    /// Loads {culture}.po from <paramref name="directory"/> (required) and from each of
    /// <paramref name="moreDirectories"/> that has one (a theme ships the strings of its templates).
    /// A string is looked up in the later directories first, so a theme can reword the application.
    /// </summary>
    public UiStrings(string directory, params string[] moreDirectories)
    {
        _catalogs = Cultures.All.ToDictionary(
            c => c,
            c => moreDirectories.Reverse()
                .Where(d => File.Exists(Path.Combine(d, c + ".po")))
                .Select(d => Load(d, c))
                .Append(Load(directory, c))
                .ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>The application's own catalog for the culture.</summary>
    public PoCatalog Catalog(string culture) => Catalogs(culture)[^1];

    /// <summary>Every catalog for the culture, in lookup order.</summary>
    public IReadOnlyList<PoCatalog> Catalogs(string culture) =>
        _catalogs.TryGetValue(culture, out var catalogs)
            ? catalogs
            : throw new ArgumentOutOfRangeException(nameof(culture), culture, $"No UI strings for culture '{culture}'.");

    public string Get(string culture, string msgid, params object?[] args)
    {
        var text = msgid;
        foreach (var catalog in Catalogs(culture))
        {
            if (catalog.TryGet(msgid, null, out var translated))
            {
                text = translated;
                break;
            }
        }
        return Format(culture, text, msgid, args);
    }

    public string Plural(string culture, long n, string msgid, string msgidPlural, params object?[] args)
    {
        var source = n == 1 ? msgid : msgidPlural;
        var text = Catalogs(culture).Select(c => c.GetPlural(msgid, n, null)).FirstOrDefault(t => t is not null) ?? source;
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
