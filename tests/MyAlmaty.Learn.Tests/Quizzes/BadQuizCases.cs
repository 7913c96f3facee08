using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Quizzes;

/// <summary>
/// One bad quiz file and the one problem it must produce. The problem's line is the line marked
/// with the YAML comment «# here», unless given.
/// </summary>
public sealed record BadQuizCase(string Name, string Text, string Message, object?[] Arguments, int? GivenLine = null)
{
    public const string Path = "quizzes/bad.ru.md";

    public int Line => GivenLine ?? 1 + Array.FindIndex(Text.Split('\n'), l => l.EndsWith("# here", StringComparison.Ordinal));

    public override string ToString() => Name;
}

public static class BadQuizCases
{
    private const string Head = "---\ntype: Quiz\ntitle: Проверка\n";

    /// <summary>A good true/false question, lines 5–9 when it comes first.</summary>
    private const string Money = "  - id: money\n    type: truefalse\n    text: Активист получает зарплату.\n    answer: false\n    explanation: Нет.\n";

    private static string Quiz(string fields) => Head + fields + "---\nВведение.\n";

    private static string Questions(string questions) => Quiz("questions:\n" + Money + questions);

    private static string Choice(string type, string options) =>
        Questions($"  - id: definition\n    type: {type}\n    text: Кого называют активистом?\n    options:{options}");

    private static BadQuizCase Case(string name, string text, string message, params object?[] arguments) => new(name, text, message, arguments);

    public static readonly IReadOnlyList<BadQuizCase> All =
    [
        Case("single without a correct option", Choice("single", "  # here\n      - {id: volunteer, text: Житель, explanation: Да.}\n      - {id: official, text: Чиновник, explanation: Нет.}\n"),
            QuizMessages.NoCorrectOption),
        Case("multiple without a correct option", Choice("multiple", "  # here\n      - {id: volunteer, text: Житель, explanation: Да.}\n      - {id: official, text: Чиновник, explanation: Нет.}\n"),
            QuizMessages.NoCorrectOption),
        Case("two correct options in a single", Choice("single", "  # here\n      - {id: volunteer, text: Житель, correct: true, explanation: Да.}\n      - {id: official, text: Чиновник, correct: true, explanation: Нет.}\n"),
            QuizMessages.SeveralCorrectOptions, 2),
        Case("one option only", Choice("single", "  # here\n      - {id: volunteer, text: Житель, correct: true, explanation: Да.}\n"),
            QuizMessages.TooFewOptions),
        Case("duplicate option id", Choice("single", "\n      - {id: volunteer, text: Житель, correct: true, explanation: Да.}\n      - {id: volunteer, text: Чиновник, explanation: Нет.}  # here\n"),
            QuizMessages.DuplicateOptionId, "volunteer"),
        Case("option without explanation", Choice("single", "\n      - id: volunteer  # here\n        text: Житель\n        correct: true\n      - {id: official, text: Чиновник, explanation: Нет.}\n"),
            ImportMessages.MissingField, "explanation"),
        Case("correct is not a flag", Choice("single", "\n      - {id: volunteer, text: Житель, correct: true, explanation: Да.}\n      - id: official\n        text: Чиновник\n        correct: maybe  # here\n        explanation: Нет.\n"),
            ImportMessages.BadFlag, "correct", "maybe"),
        Case("duplicate question id", Questions("  - id: money  # here\n    type: truefalse\n    text: Ещё раз.\n    answer: true\n    explanation: Да.\n"),
            QuizMessages.DuplicateQuestionId, "money", 5),
        Case("question id in Cyrillic", Questions("  - id: вопрос  # here\n    type: truefalse\n    text: Ещё раз.\n    answer: true\n    explanation: Да.\n"),
            QuizMessages.BadId, "вопрос"),
        Case("unknown question type", Questions("  - id: essay\n    type: essay  # here\n    text: Напишите эссе.\n"),
            QuizMessages.UnknownQuestionType, "essay", "single, multiple, truefalse, text, order, match"),
        Case("question without text", Questions("  - id: again  # here\n    type: truefalse\n    answer: true\n    explanation: Да.\n"),
            ImportMessages.MissingField, "text"),
        Case("true/false without an answer", Questions("  - id: again  # here\n    type: truefalse\n    text: Ещё раз.\n    explanation: Да.\n"),
            ImportMessages.MissingField, "answer"),
        Case("true/false with an empty answer", Questions("  - id: again\n    type: truefalse\n    text: Ещё раз.\n    answer:  # here\n    explanation: Да.\n"),
            ImportMessages.MissingField, "answer"),
        Case("true/false answer is not a flag", Questions("  - id: again\n    type: truefalse\n    text: Ещё раз.\n    answer: нет  # here\n    explanation: Да.\n"),
            ImportMessages.BadFlag, "answer", "нет"),
        Case("true/false without an explanation", Questions("  - id: again  # here\n    type: truefalse\n    text: Ещё раз.\n    answer: true\n"),
            ImportMessages.MissingField, "explanation"),
        Case("short answer without accepted answers", Questions("  - id: term  # here\n    type: text\n    text: Как называют уборку?\n    explanation: Субботник.\n"),
            ImportMessages.MissingField, "answers"),
        Case("ordering with one item", Questions("  - id: steps\n    type: order\n    text: Расставьте.\n    items: [Заметить проблему]  # here\n    explanation: Так.\n"),
            QuizMessages.OrderTooShort),
        Case("ordering with an item twice", Questions("  - id: steps\n    type: order\n    text: Расставьте.\n    items:\n      - Заметить проблему\n      - Сделать дело\n      - Заметить проблему  # here\n    explanation: Так.\n"),
            QuizMessages.RepeatedItem, "Заметить проблему"),
        Case("matching with unequal sides", Questions("  - id: pairs\n    type: match\n    text: Соотнесите.\n    left: [Активист, Сообщество, Субботник]\n    right: [Человек, Группа]  # here\n    explanation: Так.\n"),
            QuizMessages.MatchUnequal, 3, 2),
        Case("matching with one pair", Questions("  - id: pairs\n    type: match\n    text: Соотнесите.\n    left: [Активист]  # here\n    right: [Человек]\n    explanation: Так.\n"),
            QuizMessages.MatchTooShort),
        Case("draw larger than the pool", Quiz("draw: 3  # here\nquestions:\n" + Money + Money.Replace("money", "salary")),
            QuizMessages.DrawTooMany, 3, 2),
        Case("unknown mode", Quiz("mode: exam  # here\nquestions:\n" + Money),
            QuizMessages.BadMode, "exam", "whole, each"),
        Case("pass percent of zero", Quiz("passPercent: 0  # here\nquestions:\n" + Money),
            ImportMessages.BadNumber, "passPercent", 1, 100),
        Case("six tries", Quiz("tries: 6  # here\nquestions:\n" + Money),
            ImportMessages.BadNumber, "tries", 1, 5),
        Case("shuffle is not a flag", Quiz("shuffle: sometimes  # here\nquestions:\n" + Money),
            ImportMessages.BadFlag, "shuffle", "sometimes"),
        Case("questions is not a list", Quiz("questions: много  # here\n"),
            ImportMessages.NotList, "questions"),
        Case("a question is not a block of fields", Quiz("questions:\n" + Money + "  - Сколько будет два плюс два?  # here\n"),
            ImportMessages.NotListOfSections, "questions"),
        Case("questions is an empty list", Quiz("questions: []  # here\n"),
            ImportMessages.EmptyField, "questions"),
        new("no questions", Quiz("summary: Пусто.\n"), ImportMessages.MissingField, ["questions"], GivenLine: 5),
    ];
}
