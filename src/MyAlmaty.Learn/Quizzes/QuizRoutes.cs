using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Quizzes;

/// <summary>/{culture}/quizzes/{quiz}, its attempts under it, and its item analysis.</summary>
public sealed class QuizRoutes : IContentRouteProvider
{
    public bool Handles(string contentType) => contentType == ContentTypeNames.Quiz;

    public string? UrlFor(PublishedItem item, ContentCatalog catalog) => QuizUrl(item);

    /// <summary>Quizzes have no list of their own: they are found through their lessons and courses.</summary>
    public string SectionUrl(string contentType, string culture) => $"/{culture}/courses";

    public static string QuizUrl(PublishedItem quiz) => $"/{quiz.Culture}/quizzes/{quiz.Slug}";

    public static string AttemptUrl(PublishedItem quiz, string attemptId) => $"{QuizUrl(quiz)}/attempts/{attemptId}";
}
