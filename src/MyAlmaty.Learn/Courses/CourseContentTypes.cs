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
    public override string Folder => "courses";
    public override string Label => "Course";

    protected override IEnumerable<ContentField> DeclareFields() =>
    [
        new("modules", FieldKind.ReferenceList, "Modules")
        {
            Required = true,
            Target = ContentTypeNames.CourseModule,
            Help = "The course's modules in the order learners take them.",
        },
        new("finalQuiz", FieldKind.Reference, "Final quiz")
        {
            Target = ContentTypeNames.Quiz,
            Help = "Passing it is required for the certificate.",
        },
    ];
}

public sealed record CourseModuleMetadata : ContentMetadata
{
    public IReadOnlyList<string> Lessons { get; init; } = [];
}

public sealed class CourseModuleType : ContentTypeDefinition<CourseModuleMetadata>
{
    public override string Name => ContentTypeNames.CourseModule;
    public override string Folder => "modules";
    public override string Label => "Course module";

    protected override IEnumerable<ContentField> DeclareFields() =>
    [
        new("lessons", FieldKind.ReferenceList, "Lessons")
        {
            Required = true,
            Target = ContentTypeNames.Lesson,
            Help = "The module's lessons in the order learners take them.",
        },
    ];
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
    public override string Folder => "lessons";
    public override string Label => "Lesson";
    public override bool BodyRequired => true;

    protected override IEnumerable<ContentField> DeclareFields() =>
    [
        new("takeaways", FieldKind.TextList, "Takeaways")
        {
            Required = true,
            MaxLength = 300,
            Help = "What the learner takes away from the lesson.",
        },
        new("readingMinutes", FieldKind.Number, "Reading time, minutes")
        {
            Min = 1,
            Max = 240,
            Help = "Leave empty to estimate it from the length of the text.",
        },
        new("quiz", FieldKind.Reference, "Quiz")
        {
            Target = ContentTypeNames.Quiz,
            Help = "Passing it marks the lesson done.",
        },
    ];
}
