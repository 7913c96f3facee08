using MyAlmaty.Learn.Content.Import;

namespace MyAlmaty.Learn.Content.Types;

/// <summary>What a field holds, and so how it is read, validated, edited and compared.</summary>
public enum FieldKind
{
    /// <summary>One line of text.</summary>
    Text,

    /// <summary>Longer text, several lines allowed.</summary>
    LongText,

    /// <summary>A list of lines of text, in order.</summary>
    TextList,

    /// <summary>The translation key of one item of <see cref="ContentField.Target"/> type.</summary>
    Reference,

    /// <summary>Translation keys of items of <see cref="ContentField.Target"/> type, in order.</summary>
    ReferenceList,

    /// <summary>A whole number from <see cref="ContentField.Min"/> to <see cref="ContentField.Max"/>.</summary>
    Number,

    /// <summary>A date, written YYYY-MM-DD.</summary>
    Date,

    /// <summary>A date and time of day in Almaty, written YYYY-MM-DD HH:MM.</summary>
    DateTime,

    /// <summary>true or false.</summary>
    Flag,

    /// <summary>One of <see cref="ContentField.Choices"/>.</summary>
    Choice,

    /// <summary>A list of nested blocks of fields (a quiz's questions): read by the type itself, edited as source.</summary>
    Sections,
}

/// <summary>
/// One field of a content type's metadata, as declared by the type: the front matter reader, the
/// editor's form, the validation and the comparison of versions all come from this one list.
/// <see cref="Label"/> and <see cref="Help"/> are English msgids, translated in the PO files.
/// </summary>
public sealed record ContentField(string Name, FieldKind Kind, string Label)
{
    public bool Required { get; init; }

    /// <summary>Characters allowed in the text, or in each item of a list.</summary>
    public int MaxLength { get; init; } = 500;

    public int Min { get; init; }
    public int Max { get; init; } = int.MaxValue;

    /// <summary>The content type a reference points to.</summary>
    public string? Target { get; init; }

    /// <summary>The values a choice allows, as written in the front matter.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The message for a value that is not one of the choices ({0}: the value, {1}: the choices).</summary>
    public string? ChoiceMessage { get; init; }

    /// <summary>A sentence for the editor under the field.</summary>
    public string? Help { get; init; }

    public bool IsList => Kind is FieldKind.TextList or FieldKind.ReferenceList;

    /// <summary>The summary every type has: one sentence for cards, search results and the meta description.</summary>
    public static readonly ContentField Summary = new("summary", FieldKind.LongText, FieldLabels.Summary)
    {
        MaxLength = 400,
        Help = FieldLabels.SummaryHelp,
    };

    /// <summary>Reads this field from the front matter, reporting problems there; null when absent or wrong.</summary>
    public object? Read(FrontMatter fm) => Kind switch
    {
        FieldKind.Text or FieldKind.LongText or FieldKind.Reference => fm.Text(Name, Required, Kind == FieldKind.Reference ? Math.Min(MaxLength, 200) : MaxLength),
        FieldKind.TextList or FieldKind.ReferenceList => fm.TextList(Name, Required, Kind == FieldKind.ReferenceList ? Math.Min(MaxLength, 200) : MaxLength)?.Select(i => i.Value).ToList(),
        FieldKind.Number => fm.Number(Name, Min, Max),
        FieldKind.Date => fm.Date(Name),
        FieldKind.DateTime => fm.DateTime(Name, Required),
        FieldKind.Flag => fm.Flag(Name, Required),
        FieldKind.Choice => ReadChoice(fm),
        _ => null,
    };

    /// <summary>The links this field makes, checked at import: a missing single reference is a warning, a list's an error.</summary>
    public IEnumerable<ContentReference> References(FrontMatter fm) => Kind switch
    {
        FieldKind.Reference when fm.Text(Name, Required, 200) is { } key =>
            [new ContentReference(Name, Target!, key, fm.LineOf(Name) ?? fm.EndLine, Optional: !Required)],
        FieldKind.ReferenceList => (fm.TextList(Name, Required, 200) ?? []).Select(r => new ContentReference(Name, Target!, r.Value, r.Line)),
        _ => [],
    };

    private string? ReadChoice(FrontMatter fm)
    {
        var value = fm.Text(Name, Required, MaxLength);
        if (value is null || Choices.Contains(value, StringComparer.Ordinal)) return value;
        fm.Error(Name, ChoiceMessage ?? ImportMessages.BadChoice, value, string.Join(", ", Choices));
        return null;
    }
}

/// <summary>Labels and help of the fields every type shares, as msgids.</summary>
public static class FieldLabels
{
    public const string Title = "Title";
    public const string Slug = "Address";
    public const string SlugHelp = "The last part of the page address: latin letters, digits and hyphens.";
    public const string Summary = "Summary";
    public const string SummaryHelp = "One or two sentences shown on cards, in search results and to search engines.";
    public const string Body = "Text";
}
