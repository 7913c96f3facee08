namespace MyAlmaty.Learn.Content.Import;

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One thing wrong with one content file. <see cref="Message"/> is an English source string with
/// {0}-style placeholders (a msgid of the PO files), so the report can be shown in ru or kk.
/// </summary>
public sealed record ImportProblem(ProblemSeverity Severity, string Path, int? Line, string Message, IReadOnlyList<object?> Arguments)
{
    /// <summary>The front matter field the problem is about, when it is about one: a form shows it beside that field.</summary>
    public string? Field { get; init; }

    /// <summary>The column on <see cref="Line"/> (from 1) the problem is at, when it is about one place in the line.</summary>
    public int? Column { get; init; }

    public static ImportProblem Error(string path, int? line, string message, params object?[] args) =>
        new(ProblemSeverity.Error, path, line, message, args);

    public static ImportProblem Warning(string path, int? line, string message, params object?[] args) =>
        new(ProblemSeverity.Warning, path, line, message, args);

    /// <summary>"content/lessons/a.ru.md:12: error: …" with the message put through <paramref name="translate"/>.</summary>
    public string Format(Func<string, object?[], string> translate, string errorWord, string warningWord)
    {
        var location = Line is { } line ? $"{Path}:{line}" : Path;
        var severity = Severity == ProblemSeverity.Error ? errorWord : warningWord;
        return $"{location}: {severity}: {translate(Message, [.. Arguments])}";
    }
}
