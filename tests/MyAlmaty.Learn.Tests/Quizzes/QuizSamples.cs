using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Quizzes;

/// <summary>Questions of every kind built in code, for the tests that need no import.</summary>
internal static class QuizSamples
{
    public static readonly string[] Steps = ["Заметить проблему", "Найти единомышленников", "Договориться о плане", "Сделать первое дело"];

    public static QuizOption Option(string id, string text, bool correct = false) =>
        new() { Id = id, Text = text, Correct = correct, Explanation = $"Пояснение: {text}" };

    /// <summary>Four options, «volunteer» right.</summary>
    public static QuizQuestion Single(string id = "definition") => new()
    {
        Id = id,
        Kind = QuestionKind.Single,
        Text = "Кого называют городским активистом?",
        Options =
        [
            Option("volunteer", "Жителя, который безвозмездно решает общественные задачи", correct: true),
            Option("official", "Сотрудника акимата"),
            Option("deputy", "Депутата маслихата"),
            Option("journalist", "Журналиста городской газеты"),
        ],
    };

    /// <summary>Three right options (unpaid, voluntary, public) and two wrong (salary, orders).</summary>
    public static QuizQuestion Multiple(string id = "signs") => new()
    {
        Id = id,
        Kind = QuestionKind.Multiple,
        Text = "Что отличает городского активиста?",
        Options =
        [
            Option("unpaid", "Не получает денег", correct: true),
            Option("voluntary", "Участвует добровольно", correct: true),
            Option("public", "Решает общие задачи", correct: true),
            Option("salary", "Получает зарплату"),
            Option("orders", "Выполняет приказы"),
        ],
    };

    public static QuizQuestion TrueFalse(string id = "money", bool answer = false) => new()
    {
        Id = id,
        Kind = QuestionKind.TrueFalse,
        Text = "Городской активист получает за свою работу зарплату.",
        Answer = answer,
        Explanation = "Нет: активизм безвозмезден.",
    };

    public static QuizQuestion Text(string id = "term") => new()
    {
        Id = id,
        Kind = QuestionKind.Text,
        Text = "Как называют добровольную уборку двора всем домом?",
        Answers = ["субботник", "сенбілік"],
        Explanation = "Субботник.",
    };

    /// <summary>The first <paramref name="count"/> of <see cref="Steps"/>, in the right order.</summary>
    public static QuizQuestion Order(string id = "steps", int count = 4) => new()
    {
        Id = id,
        Kind = QuestionKind.Order,
        Text = "Расставьте шаги от идеи к проекту.",
        Items = Steps[..count],
        Explanation = "Сначала проблема, потом люди, план и дело.",
    };

    /// <summary>Three pairs: left[i] goes with right[i].</summary>
    public static QuizQuestion Match(string id = "concepts") => new()
    {
        Id = id,
        Kind = QuestionKind.Match,
        Text = "Соотнесите понятие и его описание.",
        Left = ["Активист", "Сообщество", "Субботник"],
        Right = ["Человек, который помогает городу", "Группа соседей", "Уборка двора всем домом"],
        Explanation = "Так и есть.",
    };

    public static QuizMetadata Quiz(params QuizQuestion[] questions) => new() { Questions = questions };

    /// <summary>One question of each kind, numbered 1–6 in this order when nothing is drawn.</summary>
    public static QuizMetadata AllKinds() => Quiz(Single(), Multiple(), TrueFalse(), Text(), Order(), Match());
}
