using MyAlmaty.Learn.Quizzes;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>
/// What a learner answering everything right (or everything wrong) picks, by the authored texts:
/// shared by the HTTP tests and the browser tests, which find these texts on the page.
/// </summary>
public static class IntendedAnswer
{
    /// <summary>Right: every correct option. Wrong: every wrong option of a multiple choice, the first wrong one of a single.</summary>
    public static bool Picks(QuizQuestion q, QuizOption option, bool right) =>
        right ? option.Correct : !option.Correct && (q.Kind == QuestionKind.Multiple || option == q.Options.First(o => !o.Correct));

    /// <summary>The page shows «true» first, then «false»: the index of the one to choose.</summary>
    public static int TrueFalseIndex(QuizQuestion q, bool right) => (q.Answer == true) == right ? 0 : 1;

    public static string Text(QuizQuestion q, bool right) => right ? q.Answers[0] : "совсем не то";

    /// <summary>The place (from 1) given to item <paramref name="index"/>: wrong is the reverse order.</summary>
    public static int Place(QuizQuestion q, int index, bool right) => right ? index + 1 : q.Items.Count - index;

    /// <summary>The definition chosen for concept <paramref name="index"/>: wrong is the next one's.</summary>
    public static string Definition(QuizQuestion q, int index, bool right) => q.Right[right ? index : (index + 1) % q.Right.Count];
}
