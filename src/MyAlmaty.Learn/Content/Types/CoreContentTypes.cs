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

public sealed record SessionSummaryMetadata : ContentMetadata
{
    public DateOnly? SessionDate { get; init; }
}

public sealed class SessionSummaryType : ContentTypeDefinition<SessionSummaryMetadata>
{
    public override string Name => ContentTypeNames.SessionSummary;
    public override string Folder => "summaries";
    public override string Label => "Session summary";
    public override bool BodyRequired => true;

    protected override IEnumerable<ContentField> DeclareFields() =>
        [new("sessionDate", FieldKind.Date, "Session date") { Help = "The day the session took place." }];
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
