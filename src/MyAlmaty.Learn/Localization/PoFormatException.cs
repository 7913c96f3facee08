namespace MyAlmaty.Learn.Localization;

public sealed class PoFormatException : FormatException
{
    public PoFormatException(string problem)
        : base(problem)
    {
        Problem = problem;
    }

    public PoFormatException(string fileName, int lineNumber, string problem, Exception? innerException = null)
        : base($"{fileName}, line {lineNumber}: {problem}", innerException)
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Problem = problem;
    }

    public string? FileName { get; }

    public int? LineNumber { get; }

    public string Problem { get; }
}
