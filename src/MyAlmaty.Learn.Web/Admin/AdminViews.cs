using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>One field of the editor's form, as the admin theme shows it (snake_case in Liquid).</summary>
public sealed record FieldView
{
    public required string Name { get; init; }
    public required string Label { get; init; }
    public string? Help { get; init; }

    /// <summary>text, longtext, list, reference, references, number, date, flag, choice.</summary>
    public required string Kind { get; init; }

    public string Value { get; init; } = "";
    public bool Required { get; init; }
    public int? MaxLength { get; init; }
    public int? Min { get; init; }
    public int? Max { get; init; }
    public IReadOnlyList<OptionView> Options { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];
    public string Id => $"field-{Name}";
}

public sealed record OptionView(string Value, string Label, bool Selected);

/// <summary>A problem of a save, translated, with the line of the source box it is on.</summary>
public sealed record ProblemView(string Message, int? Line, string? Field, bool Error);

public sealed record ItemHeader
{
    public required string Culture { get; init; }
    public required string Type { get; init; }
    public required string TypeLabel { get; init; }
    public required string Key { get; init; }
    public required string Title { get; init; }

    /// <summary>The item's admin address: /admin/content/{folder}/{culture}/{key}.</summary>
    public required string Url { get; init; }

    public string? PublicUrl { get; init; }
    public required string Status { get; init; }
    public int Number { get; init; }

    /// <summary>The same item in the other language, when it exists.</summary>
    public string? TranslationUrl { get; init; }

    /// <summary>When a version is scheduled to go on the site: Almaty time, as the editor reads it.</summary>
    public string? ScheduledAt { get; init; }

    public int? ScheduledVersion { get; init; }

    /// <summary>Whether the item's other pages (source, versions, translation) are offered: not in the facilitators' workspace.</summary>
    public bool Tabs { get; init; } = true;
}

public sealed record EditView
{
    public required ItemHeader Item { get; init; }
    public required int BaseNumber { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    public required string Body { get; init; }
    public required IReadOnlyList<FieldView> Fields { get; init; }

    /// <summary>The type has parts only the source box edits (a quiz's questions).</summary>
    public bool SourceOnlyParts { get; init; }

    public IReadOnlyList<ProblemView> Problems { get; init; } = [];

    /// <summary>What the saved version could do better (a word mixing alphabets, a missing quiz): never a block.</summary>
    public IReadOnlyList<ProblemView> Warnings { get; init; } = [];

    public IReadOnlyList<string> TitleErrors { get; init; } = [];
    public IReadOnlyList<string> SlugErrors { get; init; } = [];
    public IReadOnlyList<string> BodyErrors { get; init; } = [];
    public string Note { get; init; } = "";
    public bool CanPublish { get; init; }
    public bool CanDelete { get; init; }

    /// <summary>The same item in the other language, shown beside the form while translating.</summary>
    public CounterpartView? Counterpart { get; init; }

    /// <summary>This item as a translation: uptodate, outdated, draft; null without a counterpart.</summary>
    public string? TranslationState { get; init; }

    /// <summary>Whether saving records the translation as in step with the counterpart's version (ticked while translating).</summary>
    public bool SyncChecked { get; init; }

    public bool CanTranslate { get; init; }

    /// <summary>A new item: the form also asks for its translation key.</summary>
    public bool IsNew { get; init; }

    public string NewKey { get; init; } = "";
    public IReadOnlyList<string> KeyErrors { get; init; } = [];
}

public sealed record CounterpartView(string Culture, string Title, string Body, int Number, string Url);

public sealed record SourceView
{
    public required ItemHeader Item { get; init; }
    public required int BaseNumber { get; init; }
    public required string Source { get; init; }
    public required int Rows { get; init; }
    public IReadOnlyList<ProblemView> Problems { get; init; } = [];
    public string Note { get; init; } = "";
    public bool CanPublish { get; init; }
}

public sealed record ConflictView(ItemHeader Item, EditableVersion Theirs, string TheirAuthor, string Mine, int MineRows, string TheirsUrl);

public sealed record ListRowView(string Title, string Url, string TypeLabel, string Culture, string Status, int Number, string Author, DateTime Updated);

public sealed record ListView
{
    public required IReadOnlyList<ListRowView> Rows { get; init; }
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int Pages { get; init; }
    public required IReadOnlyList<OptionView> Types { get; init; }
    public required IReadOnlyList<OptionView> Cultures { get; init; }
    public required IReadOnlyList<OptionView> Statuses { get; init; }
    public required IReadOnlyList<OptionView> Sorts { get; init; }
    public IReadOnlyList<OptionView> Translations { get; init; } = [];
    public required string Query { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
    public IReadOnlyList<LinkView> NewItems { get; init; } = [];
}

public sealed record LinkView(string Title, string Url, string? Note = null);

public sealed record ChangeView(string Operation, string Title, string? Url, string Culture, string Actor, DateTime When, int? Version, string? Note);

public sealed record DashboardView(IReadOnlyList<ListRowView> MyDrafts, IReadOnlyList<ChangeView> Recent, IReadOnlyList<ProblemView> ImportProblems, IReadOnlyList<LinkView> Scheduled)
{
    /// <summary>Per type: outdated and missing translations in each direction (for those who see all content).</summary>
    public IReadOnlyList<CoverageRowView> Coverage { get; init; } = [];
}

public sealed record CoverageRowView(string Label, int RuKkOutdated, int RuKkMissing, int KkRuOutdated, int KkRuMissing, string Url);

/// <summary>Helpers shared by the admin's handlers.</summary>
public static class AdminUrls
{
    public static string Item(IContentTypeDefinition type, string culture, string key) => $"/admin/content/{type.Folder}/{culture}/{key}";

    public static string Item(ContentTypeRegistry types, ContentKey key) => Item(types.Get(key.ContentType), key.Culture, key.TranslationKey);

    public static string StatusName(ContentStatus status) => status switch
    {
        ContentStatus.Published => "published",
        ContentStatus.Draft => "draft",
        _ => "unpublished",
    };
}
