using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Quizzes;

public sealed class QuizTypeTests
{
    /// <summary>A quiz with every kind of question and every quiz field set away from its default.</summary>
    public const string GoodQuiz = """
        ---
        type: Quiz
        title: Городской активист — проверьте себя
        summary: Шесть вопросов о городском активисте.
        mode: each
        passPercent: 80
        timeLimitMinutes: 15
        draw: 5
        tries: 2
        shuffle: false
        questions:
          - id: definition
            type: single
            text: Кого называют городским активистом?
            hint: Вспомните, за что активист получает деньги.
            explanation: Активист действует добровольно.
            options:
              - id: volunteer
                text: Жителя, который безвозмездно решает общественные задачи
                correct: true
                explanation: Верно.
              - id: official
                text: Сотрудника акимата
                explanation: Нет, это работа по должности.
          - id: signs
            type: multiple
            text: Что отличает активиста?
            options:
              - {id: unpaid, text: Не получает денег, correct: yes, explanation: Да.}
              - {id: voluntary, text: Участвует добровольно, correct: true, explanation: Да.}
              - {id: salary, text: Получает зарплату, correct: no, explanation: Нет.}
          - id: money
            type: truefalse
            text: Активист получает зарплату.
            answer: false
            explanation: Нет, активизм безвозмезден.
          - id: term
            type: text
            text: Как называют уборку двора всем домом?
            answers: [субботник, сенбілік]
            explanation: Субботник.
          - id: steps
            type: order
            text: Расставьте шаги от идеи к проекту.
            items: [Заметить проблему, Найти единомышленников, Сделать первое дело]
            explanation: Сначала проблема.
          - id: concepts
            type: match
            text: Соотнесите понятие и описание.
            left: [Активист, Сообщество]
            right: ["Человек, который помогает городу", Группа соседей]
            explanation: Так и есть.
        ---
        Проверьте, что вы запомнили.

        """;

    public static TheoryData<BadQuizCase> Cases()
    {
        var data = new TheoryData<BadQuizCase>();
        foreach (var c in BadQuizCases.All) data.Add(c);
        return data;
    }

    [Fact]
    public async Task A_quiz_with_every_kind_of_question_imports_without_problems_and_keeps_its_settings()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("quizzes/activist.ru.md", GoodQuiz);

        var report = await content.ImportAsync();

        Assert.Empty(report.Problems);
        Assert.Equal(1, report.Added);
        var item = content.Catalog.BySlug("ru", ContentTypeNames.Quiz, "activist")!;
        Assert.Equal(("Городской активист — проверьте себя", "Проверьте, что вы запомнили."), (item.Title, item.Body));
        var quiz = item.MetadataAs<QuizMetadata>();
        Assert.Equal((QuizMode.Each, 80, (int?)15, (int?)5, 2, false, 5), (quiz.Mode, quiz.PassPercent, quiz.TimeLimitMinutes, quiz.Draw, quiz.Tries, quiz.Shuffle, quiz.QuestionsPerAttempt));
        Assert.Equal("Шесть вопросов о городском активисте.", quiz.Summary);
        Assert.Equal(["definition", "signs", "money", "term", "steps", "concepts"], quiz.Questions.Select(q => q.Id));
        Assert.Equal([QuestionKind.Single, QuestionKind.Multiple, QuestionKind.TrueFalse, QuestionKind.Text, QuestionKind.Order, QuestionKind.Match],
            quiz.Questions.Select(q => q.Kind));

        var single = quiz.Questions[0];
        Assert.Equal(("Кого называют городским активистом?", "Вспомните, за что активист получает деньги.", "Активист действует добровольно."),
            (single.Text, single.Hint, single.Explanation));
        Assert.Equal([("volunteer", "Жителя, который безвозмездно решает общественные задачи", true, "Верно."), ("official", "Сотрудника акимата", false, "Нет, это работа по должности.")],
            single.Options.Select(o => (o.Id, o.Text, o.Correct, o.Explanation)));
        Assert.Equal([("unpaid", true), ("voluntary", true), ("salary", false)], quiz.Questions[1].Options.Select(o => (o.Id, o.Correct)));
        Assert.Null(quiz.Questions[1].Explanation);
        Assert.Equal((bool?)false, quiz.Questions[2].Answer);
        Assert.Equal(["субботник", "сенбілік"], quiz.Questions[3].Answers);
        Assert.Equal(["Заметить проблему", "Найти единомышленников", "Сделать первое дело"], quiz.Questions[4].Items);
        Assert.Equal(["Активист", "Сообщество"], quiz.Questions[5].Left);
        Assert.Equal(["Человек, который помогает городу", "Группа соседей"], quiz.Questions[5].Right);
    }

    [Fact]
    public async Task A_quiz_with_only_its_questions_takes_the_defaults()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("quizzes/short.ru.md",
            "---\ntype: Quiz\ntitle: Коротко\nquestions:\n  - {id: money, type: truefalse, text: Зарплата?, answer: no, explanation: Нет.}\n---\n");

        var report = await content.ImportAsync();

        Assert.Empty(report.Problems);
        var quiz = content.Catalog.BySlug("ru", ContentTypeNames.Quiz, "short")!.MetadataAs<QuizMetadata>();
        Assert.Equal((QuizMode.Whole, QuizMetadata.DefaultPassPercent, (int?)null, (int?)null, QuizMetadata.DefaultTries, true, 1),
            (quiz.Mode, quiz.PassPercent, quiz.TimeLimitMinutes, quiz.Draw, quiz.Tries, quiz.Shuffle, quiz.QuestionsPerAttempt));
        Assert.Equal((bool?)false, Assert.Single(quiz.Questions).Answer);
    }

    [Fact]
    public void There_are_cases_for_every_rule_the_readme_names() => Assert.True(BadQuizCases.All.Count >= 25);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_quiz_is_reported_with_file_line_and_reason_and_the_rest_still_loads(BadQuizCase bad)
    {
        Assert.True(bad.Line > 1, "the case marks no line");
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        content.WriteContent(BadQuizCase.Path, bad.Text);

        var report = await content.ImportAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ProblemSeverity.Error, BadQuizCase.Path, bad.Line, bad.Message), (problem.Severity, problem.Path, problem.Line, problem.Message));
        Assert.Equal(bad.Arguments, problem.Arguments);
        Assert.Equal(SampleContent.Files.Count, report.Added);
        Assert.Null(content.Catalog.BySlug("ru", ContentTypeNames.Quiz, "bad"));
        Assert.NotNull(content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "l"));
        Assert.NotNull(content.Catalog.BySlug("ru", ContentTypeNames.Course, "c"));
    }

    [Fact]
    public async Task A_bad_quiz_does_not_stop_a_good_lesson_of_the_same_import()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("quizzes/bad.ru.md", BadQuizCases.All[0].Text);
        content.WriteContent("quizzes/good.ru.md", GoodQuiz);
        content.WriteContent("lessons/lesson.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways: [Главное]\nquiz: good\n---\nТекст урока.\n");

        var report = await content.ImportAsync();

        Assert.Equal(1, report.ErrorCount);
        Assert.All(report.Problems, p => Assert.Equal("quizzes/bad.ru.md", p.Path));
        Assert.Equal(2, report.Added);
        var lesson = content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "lesson")!;
        Assert.Equal("good", CourseCatalog.QuizOf(content.Catalog, lesson)?.TranslationKey);
    }

    [Fact]
    public async Task A_lesson_whose_quiz_does_not_exist_imports_with_a_warning_on_its_line()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("lessons/lesson.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways: [Главное]\nquiz: nowhere\n---\nТекст урока.\n");

        var report = await content.ImportAsync();

        var warning = Assert.Single(report.Problems);
        Assert.Equal((ProblemSeverity.Warning, "lessons/lesson.ru.md", (int?)5, ImportMessages.MissingReference),
            (warning.Severity, warning.Path, warning.Line, warning.Message));
        Assert.Equal(["quiz", ContentTypeNames.Quiz, "nowhere"], warning.Arguments);
        Assert.False(report.HasErrors);
        var lesson = content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "lesson")!;
        Assert.Equal("nowhere", lesson.MetadataAs<LessonMetadata>().Quiz);
        Assert.Null(CourseCatalog.QuizOf(content.Catalog, lesson));
    }

    [Fact]
    public async Task A_lesson_whose_quiz_failed_imports_with_a_warning_that_the_quiz_is_broken()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("quizzes/bad.ru.md", BadQuizCases.All[0].Text);
        content.WriteContent("lessons/lesson.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways: [Главное]\nquiz: bad\n---\nТекст урока.\n");

        var report = await content.ImportAsync();

        Assert.Equal(1, report.ErrorCount);
        var warning = Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Warning);
        Assert.Equal(("lessons/lesson.ru.md", (int?)5, ImportMessages.BrokenReference), (warning.Path, warning.Line, warning.Message));
        Assert.NotNull(content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "lesson"));
    }

    [Fact]
    public async Task A_course_whose_final_quiz_does_not_exist_imports_with_a_warning_on_its_line()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        content.WriteContent("courses/c.ru.md", "---\ntype: Course\ntitle: Курс\nmodules: [m]\nfinalQuiz: final\n---\nВведение.\n");

        var report = await content.ImportAsync();

        var warning = Assert.Single(report.Problems);
        Assert.Equal((ProblemSeverity.Warning, "courses/c.ru.md", (int?)5, ImportMessages.MissingReference), (warning.Severity, warning.Path, warning.Line, warning.Message));
        var course = content.Catalog.BySlug("ru", ContentTypeNames.Course, "c")!;
        Assert.Equal("final", course.MetadataAs<CourseMetadata>().FinalQuiz);
    }

    [Theory]
    [InlineData("lessons/lesson.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways: [Главное]\nquiz:\n  - good\n---\nТекст.\n", 6, ImportMessages.NotText)]
    [InlineData("courses/course.ru.md", "---\ntype: Course\ntitle: Курс\nmodules: [m]\nfinalQuiz: [good, other]\n---\nО курсе.\n", 5, ImportMessages.NotText)]
    [InlineData("lessons/lesson.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways: [Главное]\nquiz: good-quiz-with-a-key-far-too-long-to-be-real-good-quiz-with-a-key-far-too-long-to-be-real-good-quiz-with-a-key-far-too-long-to-be-real-good-quiz-with-a-key-far-too-long-to-be-real-good-quiz-with-a-key-x\n---\nТекст.\n", 5, ImportMessages.TooLong)]
    public async Task A_malformed_quiz_link_is_reported_once(string path, string text, int line, string message)
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("modules/m.ru.md", SampleContent.Module);
        content.WriteContent("lessons/l.ru.md", SampleContent.Lesson);
        content.WriteContent(path, text);

        var report = await content.ImportAsync();

        var problem = Assert.Single(report.Problems);
        Assert.Equal((ProblemSeverity.Error, path, (int?)line, message), (problem.Severity, problem.Path, problem.Line, problem.Message));
    }

    [Fact]
    public async Task A_quiz_in_the_wrong_language_does_not_count_for_a_lesson()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("quizzes/good.kk.md", GoodQuiz);
        content.WriteContent("lessons/lesson.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaways: [Главное]\nquiz: good\n---\nТекст урока.\n");

        var report = await content.ImportAsync();

        var warning = Assert.Single(report.Problems);
        Assert.Equal((ProblemSeverity.Warning, (int?)5, ImportMessages.MissingReference), (warning.Severity, warning.Line, warning.Message));
        Assert.NotNull(content.Catalog.BySlug("kk", ContentTypeNames.Quiz, "good"));
    }
}
