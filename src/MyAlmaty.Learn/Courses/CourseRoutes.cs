using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Courses;

/// <summary>
/// /{culture}/courses/{course} and /{culture}/courses/{course}/{lesson}. A lesson that serves in
/// several courses is addressed through the first of them; each course's own address also works.
/// </summary>
public sealed class CourseRoutes(CourseCatalog courses) : IContentRouteProvider
{
    public bool Handles(string contentType) =>
        contentType is ContentTypeNames.Course or ContentTypeNames.CourseModule or ContentTypeNames.Lesson;

    public string? UrlFor(PublishedItem item, ContentCatalog catalog) => item.ContentType switch
    {
        ContentTypeNames.Course => CourseUrl(item),
        ContentTypeNames.Lesson => courses.CoursesContaining(item).FirstOrDefault() is { } c ? LessonUrl(c.Course, item) : null,
        _ => courses.Courses(item.Culture).FirstOrDefault(c => c.Modules.Any(m => m.Module.ItemId == item.ItemId)) is { } owner
            ? $"{CourseUrl(owner.Course)}#{item.Slug}"
            : null,
    };

    public string SectionUrl(string contentType, string culture) => $"/{culture}/courses";

    public static string CourseUrl(PublishedItem course) => $"/{course.Culture}/courses/{course.Slug}";

    public static string LessonUrl(PublishedItem course, PublishedItem lesson) => $"{CourseUrl(course)}/{lesson.Slug}";
}
