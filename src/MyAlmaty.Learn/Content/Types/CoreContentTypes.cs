namespace MyAlmaty.Learn.Content.Types;

public static class ContentTypeNames
{
    public const string Course = "Course";
    public const string CourseModule = "CourseModule";
    public const string Lesson = "Lesson";
    public const string Quiz = "Quiz";
    public const string GlossaryTerm = "GlossaryTerm";
    public const string SessionSummary = "SessionSummary";
    public const string Page = "Page";
}

public sealed record GlossaryTermMetadata : ContentMetadata
{
    public string Definition { get; init; } = "";
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public override IEnumerable<string> SearchableText() => [.. base.SearchableText(), Definition, .. Aliases];
}

public sealed class GlossaryTermType : ContentTypeDefinition<GlossaryTermMetadata>
{
    public override string Name => ContentTypeNames.GlossaryTerm;
    public override string Folder => "glossary";
    public override string Label => "Glossary term";

    protected override IEnumerable<ContentField> DeclareFields() =>
    [
        new("definition", FieldKind.LongText, "Definition")
        {
            Required = true,
            MaxLength = 200,
            Help = "One sentence: shown when a reader points at the term in a lesson.",
        },
        new("aliases", FieldKind.TextList, "Other forms")
        {
            MaxLength = 100,
            Help = "Other names of the term that should become links as well.",
        },
    ];
}

/// <summary>A memo after a session, and the closing facts of the workshop it closes.</summary>
public sealed record SessionSummaryMetadata : ContentMetadata
{
    public DateOnly? SessionDate { get; init; }

    /// <summary>The translation key of the workshop the summary closes: its attendees are mailed when it is published.</summary>
    public string? Workshop { get; init; }

    /// <summary>How many people came.</summary>
    public int? Attendees { get; init; }

    /// <summary>The organisations present, by name.</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];

    /// <summary>Glossary terms the session explained.</summary>
    public IReadOnlyList<string> Concepts { get; init; } = [];

    /// <summary>Lessons to read after the session.</summary>
    public IReadOnlyList<string> Lessons { get; init; } = [];

    // People look a summary up by who took part: the organisations are words of its page.
    public override IEnumerable<string> SearchableText() => [.. base.SearchableText(), .. Organisations];
}

public sealed class SessionSummaryType : ContentTypeDefinition<SessionSummaryMetadata>
{
    public override string Name => ContentTypeNames.SessionSummary;
    public override string Folder => "summaries";
    public override string Label => "Session summary";
    public override bool BodyRequired => true;

    /// <summary>
    /// The Workshop type belongs to the workshops feature, which depends on this one; a reference names its
    /// target by the type's name, so the name is written here rather than taken from that feature.
    /// </summary>
    public const string WorkshopType = "Workshop";

    protected override IEnumerable<ContentField> DeclareFields() =>
    [
        new("sessionDate", FieldKind.Date, "Session date") { Help = "The day the session took place." },
        new("workshop", FieldKind.Reference, "Workshop")
        {
            Target = WorkshopType,
            Help = "The workshop this summary closes: once it is published, everyone who came gets it by email.",
        },
        new("attendees", FieldKind.Number, "Attendees") { Min = 1, Max = 10_000, Help = "How many people came." },
        new("organisations", FieldKind.TextList, "Organisations present") { MaxLength = 200, Help = "One name per line." },
        new("concepts", FieldKind.ReferenceList, "Concepts") { Target = ContentTypeNames.GlossaryTerm, Help = "The glossary terms the session explained." },
        new("lessons", FieldKind.ReferenceList, "Lessons") { Target = ContentTypeNames.Lesson, Help = "Lessons to read after the session." },
    ];
}

public sealed record PageMetadata : ContentMetadata;

public sealed class PageType : ContentTypeDefinition<PageMetadata>
{
    public override string Name => ContentTypeNames.Page;
    public override string Folder => "pages";
    public override string Label => "Page";
    public override bool BodyRequired => true;

    protected override IEnumerable<ContentField> DeclareFields() => [];
}
