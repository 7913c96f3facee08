using MyAlmaty.Learn.Content.Published;

namespace MyAlmaty.Learn.Courses;

public sealed record ModuleOutline(PublishedItem Module, int Number, IReadOnlyList<PublishedItem> Lessons);

/// <summary>A published course with its published modules and lessons, in order, and its final quiz if it has one.</summary>
public sealed record CourseOutline(PublishedItem Course, IReadOnlyList<ModuleOutline> Modules, PublishedItem? FinalQuiz = null)
{
    public IReadOnlyList<PublishedItem> Lessons { get; } = Modules.SelectMany(m => m.Lessons).ToList();

    public LessonPosition? PositionOf(PublishedItem lesson)
    {
        var index = -1;
        for (var i = 0; i < Lessons.Count && index < 0; i++)
        {
            if (Lessons[i].ItemId == lesson.ItemId) index = i;
        }
        if (index < 0) return null;
        var module = Modules.First(m => m.Lessons.Any(l => l.ItemId == lesson.ItemId));
        return new LessonPosition(
            this,
            module,
            index + 1,
            Lessons.Count,
            index > 0 ? Lessons[index - 1] : null,
            index < Lessons.Count - 1 ? Lessons[index + 1] : null);
    }
}

/// <summary>Where a lesson stands in a course: its module, its number, its neighbours.</summary>
public sealed record LessonPosition(CourseOutline Course, ModuleOutline Module, int Number, int Total, PublishedItem? Previous, PublishedItem? Next);
