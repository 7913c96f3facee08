using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Quizzes;

/// <summary>
/// A small course with quizzes, imported into a fresh SQLite file, with a clock the test moves:
/// «whole» and «each» (three questions: definition, money, term), «timed» (ten minutes),
/// «lesson-quiz» on the course's lesson and «final» closing the course.
/// </summary>
internal sealed class QuizSite : IAsyncDisposable
{
    public const string ThreeQuestions = """
        questions:
          - id: definition
            type: single
            text: Кого называют городским активистом?
            hint: Вспомните, за что активист получает деньги.
            options:
              - {id: volunteer, text: Жителя-добровольца, correct: true, explanation: Верно.}
              - {id: official, text: Сотрудника акимата, explanation: Нет.}
              - {id: deputy, text: Депутата, explanation: Нет.}
          - id: money
            type: truefalse
            text: Активист получает зарплату.
            answer: false
            explanation: Нет.
          - id: term
            type: text
            text: Как называют уборку двора всем домом?
            answers: [субботник, сенбілік]
            explanation: Субботник.

        """;

    private const string OneQuestion = "questions:\n  - {id: money, type: truefalse, text: Зарплата?, answer: false, explanation: Нет.}\n";

    private readonly AsyncServiceScope _scope;

    private QuizSite(ContentServices content, FakeTimeProvider clock)
    {
        Content = content;
        Clock = clock;
        _scope = content.Services.CreateAsyncScope();
    }

    public ContentServices Content { get; }
    public FakeTimeProvider Clock { get; }
    public QuizAttempts Attempts => _scope.ServiceProvider.GetRequiredService<QuizAttempts>();
    public IServiceProvider Services => _scope.ServiceProvider;

    public static string QuizFile(string fields, string questions = ThreeQuestions) => $"---\ntype: Quiz\ntitle: Проверка\n{fields}{questions}---\nВведение.\n";

    public static async Task<QuizSite> CreateAsync()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));
        var content = await ContentServices.CreateAsync(clock);
        content.WriteContent("courses/course.ru.md", "---\ntype: Course\ntitle: Курс\nmodules: [module]\nfinalQuiz: final\n---\nО курсе.\n");
        content.WriteContent("modules/module.ru.md", "---\ntype: CourseModule\ntitle: Модуль\nlessons: [lesson, other]\n---\nО модуле.\n");
        content.WriteContent("lessons/lesson.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways: [Главное]\nquiz: lesson-quiz\n---\nТекст.\n");
        content.WriteContent("lessons/other.ru.md", "---\ntype: Lesson\ntitle: Другой урок\ntakeaways: [Главное]\n---\nТекст.\n");
        content.WriteContent("quizzes/whole.ru.md", QuizFile("passPercent: 60\n"));
        content.WriteContent("quizzes/each.ru.md", QuizFile("mode: each\npassPercent: 50\ntries: 3\n"));
        content.WriteContent("quizzes/timed.ru.md", QuizFile("timeLimitMinutes: 10\n", OneQuestion));
        content.WriteContent("quizzes/lesson-quiz.ru.md", QuizFile("", OneQuestion));
        content.WriteContent("quizzes/final.ru.md", QuizFile("", OneQuestion));
        var report = await content.ImportAsync();
        Assert.Empty(report.Problems);
        return new QuizSite(content, clock);
    }

    public PublishedItem Quiz(string key) => Content.Catalog.ByKey("ru", ContentTypeNames.Quiz, key)!;

    public QuizMetadata Metadata(string key) => Quiz(key).MetadataAs<QuizMetadata>();

    /// <summary>The attempt as the database has it, read in a scope of its own.</summary>
    public Task<QuizAttempt> RowAsync(string id) =>
        Content.QueryAsync(db => db.Set<QuizAttempt>().AsNoTracking().SingleAsync(a => a.Id == id));

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await Content.DisposeAsync();
    }
}
