using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MyAlmaty.Learn.Content.Import;

/// <summary>
/// The YAML fields of one content file, read with their line numbers so that every
/// problem names the line it is on. Readers record problems instead of throwing.
/// </summary>
public sealed class FrontMatter
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<(string Value, int Line)>?> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly List<ImportProblem> _problems;
    private readonly List<FrontMatter> _sections = [];
    private readonly int _lineOffset;
    private readonly string? _parentField;

    internal FrontMatter(string path, YamlMappingNode root, int lineOffset, int endLine, List<ImportProblem> problems, string? parentField = null)
    {
        _parentField = parentField;
        Path = path;
        Line = lineOffset + (int)root.Start.Line;
        _lineOffset = lineOffset;
        _problems = problems;
        _fields = new(StringComparer.Ordinal);
        foreach (var (key, value) in root.Children)
        {
            if (key is YamlScalarNode scalar && scalar.Value is { } name)
            {
                _fields[name] = (scalar, value);
            }
        }
        EndLine = endLine;
    }

    public string Path { get; }

    /// <summary>The line this block of fields starts on: for problems about a nested section as a whole.</summary>
    public int Line { get; }

    /// <summary>The line of the closing '---' of the front matter, for problems of missing fields.</summary>
    public int EndLine { get; }

    public bool Has(string field) => _fields.ContainsKey(field);

    public int? LineOf(string field) => _fields.TryGetValue(field, out var f) ? LineOf(f.Key) : null;

    public void Error(string? field, string message, params object?[] args) =>
        _problems.Add(ImportProblem.Error(Path, field is null ? null : LineOf(field) ?? EndLine, message, args) with { Field = OuterField(field) });

    /// <summary>Reports a problem on a given line, e.g. one item of a list.</summary>
    public void ErrorAt(int line, string message, params object?[] args) =>
        _problems.Add(ImportProblem.Error(Path, line, message, args) with { Field = _parentField });

    /// <summary>
    /// A list of nested blocks of fields (e.g. the questions of a quiz), each read with the same
    /// methods and reporting into the same file. Null when absent or malformed.
    /// </summary>
    public IReadOnlyList<FrontMatter>? Sections(string field, bool required = false)
    {
        if (!Present(field, required, out var f)) return null;
        if (f.Value is not YamlSequenceNode sequence)
        {
            _problems.Add(ImportProblem.Error(Path, LineOf(f.Key), ImportMessages.NotList, field) with { Field = OuterField(field) });
            return null;
        }
        var sections = new List<FrontMatter>();
        foreach (var node in sequence.Children)
        {
            if (node is not YamlMappingNode mapping)
            {
                _problems.Add(ImportProblem.Error(Path, LineOf(node), ImportMessages.NotListOfSections, field) with { Field = OuterField(field) });
                return null;
            }
            sections.Add(new FrontMatter(Path, mapping, _lineOffset, LineOf(node), _problems, OuterField(field)));
        }
        if (required && sections.Count == 0)
        {
            _problems.Add(ImportProblem.Error(Path, LineOf(f.Key), ImportMessages.EmptyField, field) with { Field = OuterField(field) });
            return null;
        }
        // Only sections handed out are read, so only they can have unread fields to warn about.
        _sections.AddRange(sections);
        return sections;
    }

    /// <summary>true/false (also yes/no); anything else is reported, and so is a required field that is absent or empty.</summary>
    public bool? Flag(string field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null) return null;
        switch (text.ToLowerInvariant())
        {
            case "true" or "yes": return true;
            case "false" or "no": return false;
            default:
                Error(field, ImportMessages.BadFlag, field, text);
                return null;
        }
    }

    public string? Text(string field, bool required = false, int maxLength = 500)
    {
        // Read once: a type reads a link (a lesson's quiz) for its metadata and again for its reference.
        if (_texts.TryGetValue(field, out var cached)) return cached;
        var text = ReadText(field, required, maxLength);
        _texts[field] = text;
        return text;
    }

    private string? ReadText(string field, bool required, int maxLength)
    {
        if (!Present(field, required, out var f)) return null;
        if (f.Value is not YamlScalarNode scalar)
        {
            _problems.Add(ImportProblem.Error(Path, LineOf(f.Value), ImportMessages.NotText, field) with { Field = OuterField(field) });
            return null;
        }
        var value = (scalar.Value ?? "").Trim();
        if (value.Length == 0)
        {
            if (required) _problems.Add(ImportProblem.Error(Path, LineOf(f.Key), ImportMessages.EmptyField, field) with { Field = OuterField(field) });
            return null;
        }
        if (value.Length > maxLength)
        {
            _problems.Add(ImportProblem.Error(Path, LineOf(f.Key), ImportMessages.TooLong, field, maxLength) with { Field = OuterField(field) });
            return null;
        }
        return value;
    }

    /// <summary>A list of text values, each with its line. Null when absent or malformed.</summary>
    public IReadOnlyList<(string Value, int Line)>? TextList(string field, bool required = false, int maxLength = 500)
    {
        // Read once: a type reads a list for its metadata and again for its references.
        if (_lists.TryGetValue(field, out var cached)) return cached;
        var list = ReadTextList(field, required, maxLength);
        _lists[field] = list;
        return list;
    }

    private IReadOnlyList<(string Value, int Line)>? ReadTextList(string field, bool required, int maxLength)
    {
        if (!Present(field, required, out var f)) return null;
        if (f.Value is not YamlSequenceNode sequence)
        {
            _problems.Add(ImportProblem.Error(Path, LineOf(f.Key), ImportMessages.NotList, field) with { Field = OuterField(field) });
            return null;
        }
        var items = new List<(string, int)>();
        foreach (var node in sequence.Children)
        {
            if (node is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                _problems.Add(ImportProblem.Error(Path, LineOf(node), ImportMessages.NotListOfText, field) with { Field = OuterField(field) });
                return null;
            }
            if (text.Length > maxLength)
            {
                _problems.Add(ImportProblem.Error(Path, LineOf(node), ImportMessages.TooLong, field, maxLength) with { Field = OuterField(field) });
                return null;
            }
            items.Add((text.Trim(), LineOf(node)));
        }
        if (required && items.Count == 0)
        {
            _problems.Add(ImportProblem.Error(Path, LineOf(f.Key), ImportMessages.EmptyField, field) with { Field = OuterField(field) });
            return null;
        }
        return items;
    }

    public DateOnly? Date(string field)
    {
        var text = Text(field);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Error(field, ImportMessages.BadDate, text);
        return null;
    }

    /// <summary>A date and time of day as written (in Almaty time for the types that use it): YYYY-MM-DD HH:MM.</summary>
    public DateTime? DateTime(string field, bool required = false)
    {
        var text = Text(field, required);
        if (text is null) return null;
        if (System.DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)) return moment;
        Error(field, ImportMessages.BadDateTime, text);
        return null;
    }

    public int? Number(string field, int min, int max)
    {
        var text = Text(field);
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error(field, ImportMessages.BadNumber, field, min, max);
        return null;
    }

    /// <summary>Warns about every field no reader asked for: usually a typo of a real one.</summary>
    public void WarnAboutUnreadFields()
    {
        foreach (var (name, f) in _fields)
        {
            if (!_read.Contains(name)) _problems.Add(ImportProblem.Warning(Path, LineOf(f.Key), ImportMessages.UnknownField, name) with { Field = OuterField(name) });
        }
        foreach (var section in _sections) section.WarnAboutUnreadFields();
    }

    /// <summary>Marks the field read and finds it; a required field that is absent or null is reported.</summary>
    private bool Present(string field, bool required, out (YamlScalarNode Key, YamlNode Value) found)
    {
        _read.Add(field);
        if (_fields.TryGetValue(field, out found) && !IsNull(found.Value)) return true;
        if (required) _problems.Add(ImportProblem.Error(Path, LineOf(field) ?? EndLine, ImportMessages.MissingField, field) with { Field = OuterField(field) });
        return false;
    }

    private int LineOf(YamlNode node) => _lineOffset + (int)node.Start.Line;

    /// <summary>The top-level field a problem belongs to: a nested section's problems belong to its list.</summary>
    private string? OuterField(string? field) => _parentField ?? field;

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain };
}
