using System.Globalization;
using System.Text;

namespace MyAlmaty.Learn.Localization;

internal sealed class PoField(int line)
{
    public int Line { get; } = line;

    // Each quoted piece keeps its own line so header problems can point at the exact line.
    public List<(int Line, string Text)> Parts { get; } = [];

    public string Value => string.Concat(Parts.Select(p => p.Text));
}

internal sealed class RawPoEntry
{
    public bool IsFuzzy { get; set; }

    public PoField? Context { get; set; }

    public PoField? Id { get; set; }

    public PoField? IdPlural { get; set; }

    public PoField? Translation { get; set; }

    public List<PoField> PluralTranslations { get; } = [];

    public bool HasKeyword => Context is not null || Id is not null;

    public bool IsComplete => Translation is not null || PluralTranslations.Count > 0;

    public int Line => (Id ?? Context)?.Line ?? 0;
}

// First pass: syntax only. Whether the forms agree with Plural-Forms is checked once the header is known.
internal sealed class PoReader(string text, string fileName)
{
    private readonly List<RawPoEntry> _entries = [];
    private RawPoEntry _current = new();
    private PoField? _field;
    private int _line;

    public List<RawPoEntry> Read()
    {
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            _line++;
            ReadLine(line.Trim());
        }

        FinishEntry();
        return _entries;
    }

    private void ReadLine(string line)
    {
        if (line.Length == 0)
        {
            if (_current.HasKeyword)
            {
                FinishEntry();
            }

            _field = null;
            return;
        }

        // Obsolete entries ("#~ msgid …") are comments too, so they never reach the catalog.
        if (line[0] == '#')
        {
            if (_current.HasKeyword)
            {
                FinishEntry();
            }

            if (line.StartsWith("#,", StringComparison.Ordinal)
                && line[2..].Split(',', StringSplitOptions.TrimEntries).Contains("fuzzy"))
            {
                _current.IsFuzzy = true;
            }

            _field = null;
            return;
        }

        if (line[0] == '"')
        {
            var field = _field ?? throw Error("a quoted string on its own line must continue a msgctxt, msgid or msgstr");
            field.Parts.Add((_line, Unquote(line)));
            return;
        }

        var keywordEnd = line.IndexOfAny([' ', '\t', '"']);
        var keyword = keywordEnd < 0 ? line : line[..keywordEnd];
        var rest = keywordEnd < 0 ? "" : line[keywordEnd..].TrimStart();
        var pluralIndex = PluralIndex(keyword);
        if (keyword is not ("msgctxt" or "msgid" or "msgid_plural" or "msgstr") && pluralIndex is null)
        {
            throw Error($"expected msgctxt, msgid, msgid_plural, msgstr or msgstr[N], found '{keyword}'");
        }

        if (rest.Length == 0 || rest[0] != '"')
        {
            throw Error($"{keyword} must be followed by a quoted string");
        }

        var value = new PoField(_line);
        value.Parts.Add((_line, Unquote(rest)));
        Place(keyword, pluralIndex, value);
        _field = value;
    }

    private void Place(string keyword, int? pluralIndex, PoField value)
    {
        if (keyword is "msgctxt" or "msgid" && _current.IsComplete)
        {
            FinishEntry();
        }

        var entry = _current;
        switch (keyword)
        {
            case "msgctxt" when entry.Id is not null:
                throw Error("msgctxt must come before msgid");
            case "msgctxt" when entry.Context is not null:
                throw Error($"second msgctxt for one entry (the first is on line {entry.Context.Line})");
            case "msgctxt":
                entry.Context = value;
                break;
            case "msgid" when entry.Id is not null:
                throw Error($"msgid on line {entry.Id.Line} has no msgstr");
            case "msgid":
                entry.Id = value;
                break;
            case "msgid_plural" when entry.Id is null || entry.IsComplete || entry.IdPlural is not null:
                throw Error("msgid_plural must come once, right after msgid and before the msgstr[N] lines");
            case "msgid_plural":
                entry.IdPlural = value;
                break;
            case "msgstr" when entry.Id is null:
                throw Error("msgstr without a msgid before it");
            case "msgstr" when entry.IdPlural is not null:
                throw Error("an entry with msgid_plural needs msgstr[0], msgstr[1]…, not msgstr");
            case "msgstr" when entry.Translation is not null:
                throw Error($"second msgstr for the msgid on line {entry.Id.Line}");
            case "msgstr":
                entry.Translation = value;
                break;
            default:
                PlacePluralForm(entry, pluralIndex!.Value, value);
                break;
        }
    }

    private void PlacePluralForm(RawPoEntry entry, int index, PoField value)
    {
        if (entry.Id is null)
        {
            throw Error($"msgstr[{index}] without a msgid before it");
        }

        if (entry.IdPlural is null)
        {
            throw Error($"msgstr[{index}] without msgid_plural; an entry without plural forms uses msgstr");
        }

        if (index != entry.PluralTranslations.Count)
        {
            throw Error($"expected msgstr[{entry.PluralTranslations.Count}] but found msgstr[{index}]");
        }

        entry.PluralTranslations.Add(value);
    }

    private void FinishEntry()
    {
        if (_current.HasKeyword)
        {
            if (!_current.IsComplete)
            {
                throw new PoFormatException(fileName, _current.Line, "this entry has no msgstr");
            }

            _entries.Add(_current);
        }

        _current = new RawPoEntry();
        _field = null;
    }

    private static int? PluralIndex(string keyword) =>
        keyword.StartsWith("msgstr[", StringComparison.Ordinal) && keyword.EndsWith(']')
        && int.TryParse(keyword.AsSpan(7, keyword.Length - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private string Unquote(string quoted)
    {
        var value = new StringBuilder(quoted.Length);
        for (var i = 1; i < quoted.Length; i++)
        {
            var c = quoted[i];
            if (c == '"')
            {
                if (!string.IsNullOrWhiteSpace(quoted[(i + 1)..]))
                {
                    throw Error($"unexpected text after the closing quote: {quoted[(i + 1)..].Trim()}");
                }

                return value.ToString();
            }

            if (c == '\\')
            {
                if (++i == quoted.Length)
                {
                    break;
                }

                value.Append(quoted[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    '"' => '"',
                    '\\' => '\\',
                    var other => throw Error($"unknown escape \\{other} (use \\n, \\t, \\r, \\\" or \\\\)"),
                });
                continue;
            }

            value.Append(c);
        }

        throw Error("the string is not closed: a '\"' is missing at the end of the line");
    }

    private PoFormatException Error(string problem) => new(fileName, _line, problem);
}
