namespace MyAlmaty.Learn.Content.Import;

/// <summary>What one import did, and every problem it found.</summary>
public sealed class ImportReport
{
    public int FilesRead { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public List<ImportProblem> Problems { get; } = [];

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error);
    public int WarningCount => Problems.Count(p => p.Severity == ProblemSeverity.Warning);
    public bool Changed => Added + Updated > 0;
}
