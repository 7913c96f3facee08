namespace MyAlmaty.Learn.Quizzes;

/// <summary>What the importer says about a quiz file: English msgids translated in ru.po and kk.po.</summary>
public static class QuizMessages
{
    public const string BadMode = "The mode '{0}' is unknown: use 'whole' (answer everything, then submit) or 'each' (check every question at once).";
    public const string BadId = "The id '{0}' may contain only lowercase latin letters, digits and hyphens.";
    public const string UnknownQuestionType = "Unknown question type '{0}'. Known types: {1}.";
    public const string DuplicateQuestionId = "Another question of this quiz already has the id '{0}' (line {1}).";
    public const string DuplicateOptionId = "Another option of this question already has the id '{0}'.";
    public const string TooFewOptions = "A choice question needs at least two options.";
    public const string NoCorrectOption = "No option is marked 'correct: true'.";
    public const string SeveralCorrectOptions = "A 'single' question has exactly one correct option, but {0} are marked; use 'multiple' for several.";
    public const string OrderTooShort = "An ordering question needs at least two items.";
    public const string MatchUnequal = "The sides of a matching question differ: {0} on the left, {1} on the right.";
    public const string MatchTooShort = "A matching question needs at least two pairs.";
    public const string RepeatedItem = "'{0}' appears twice in this question; learners could not tell the two apart.";
    public const string DrawTooMany = "The quiz draws {0} questions but has only {1}.";
}
