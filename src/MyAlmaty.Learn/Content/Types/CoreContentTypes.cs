using MyAlmaty.Learn.Content.Import;

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

    protected override GlossaryTermMetadata ReadFields(FrontMatter fm) => new()
    {
        Definition = fm.Text("definition", required: true, maxLength: 200) ?? "",
        Aliases = (fm.TextList("aliases", maxLength: 100) ?? []).Select(a => a.Value).ToList(),
    };
}

public sealed record SessionSummaryMetadata : ContentMetadata
{
    public DateOnly? SessionDate { get; init; }
}

public sealed class SessionSummaryType : ContentTypeDefinition<SessionSummaryMetadata>
{
    public override string Name => ContentTypeNames.SessionSummary;
    public override bool BodyRequired => true;

    protected override SessionSummaryMetadata ReadFields(FrontMatter fm) => new() { SessionDate = fm.Date("sessionDate") };
}

public sealed record PageMetadata : ContentMetadata;

public sealed class PageType : ContentTypeDefinition<PageMetadata>
{
    public override string Name => ContentTypeNames.Page;
    public override bool BodyRequired => true;

    protected override PageMetadata ReadFields(FrontMatter fm) => new();
}
