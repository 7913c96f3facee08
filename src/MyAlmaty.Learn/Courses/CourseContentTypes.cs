using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Courses;

public sealed record CourseMetadata : ContentMetadata
{
    public IReadOnlyList<string> Modules { get; init; } = [];

    /// <summary>The quiz that closes the course: passing it is required for the certificate.</summary>
    public string? FinalQuiz { get; init; }
}

public sealed class CourseType : ContentTypeDefinition<CourseMetadata>
{
    public override string Name => ContentTypeNames.Course;

    protected override CourseMetadata ReadFields(FrontMatter fm) =>
        new()
        {
            Modules = (fm.TextList("modules", required: true) ?? []).Select(m => m.Value).ToList(),
            FinalQuiz = fm.Text("finalQuiz", maxLength: 200),
        };

    public override IEnumerable<ContentReference> References(FrontMatter fm) =>
        ListReferences(fm, "modules", ContentTypeNames.CourseModule).Concat(SingleReference(fm, "finalQuiz", ContentTypeNames.Quiz));
}

public sealed record CourseModuleMetadata : ContentMetadata
{
    public IReadOnlyList<string> Lessons { get; init; } = [];
}

public sealed class CourseModuleType : ContentTypeDefinition<CourseModuleMetadata>
{
    public override string Name => ContentTypeNames.CourseModule;

    protected override CourseModuleMetadata ReadFields(FrontMatter fm) =>
        new() { Lessons = (fm.TextList("lessons", required: true) ?? []).Select(m => m.Value).ToList() };

    public override IEnumerable<ContentReference> References(FrontMatter fm) =>
        ListReferences(fm, "lessons", ContentTypeNames.Lesson);
}

public sealed record LessonMetadata : ContentMetadata
{
    public IReadOnlyList<string> Takeaways { get; init; } = [];

    /// <summary>Set by the author to override the estimate from the word count.</summary>
    public int? ReadingMinutes { get; init; }

    /// <summary>The lesson's quiz: passing it marks the lesson done.</summary>
    public string? Quiz { get; init; }
}

public sealed class LessonType : ContentTypeDefinition<LessonMetadata>
{
    public override string Name => ContentTypeNames.Lesson;
    public override bool BodyRequired => true;

    protected override LessonMetadata ReadFields(FrontMatter fm) => new()
    {
        Takeaways = (fm.TextList("takeaways", required: true, maxLength: 300) ?? []).Select(t => t.Value).ToList(),
        ReadingMinutes = fm.Number("readingMinutes", 1, 240),
        Quiz = fm.Text("quiz", maxLength: 200),
    };

    public override IEnumerable<ContentReference> References(FrontMatter fm) => SingleReference(fm, "quiz", ContentTypeNames.Quiz);
}
