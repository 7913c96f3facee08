namespace MyAlmaty.Learn.Content.Import;

/// <summary>
/// A check that a feature adds to every content file, imported or saved in the browser, after it
/// parsed (e.g. that the pictures its text shows exist and are described in its language). It adds
/// its problems to the list; an error keeps the file out exactly like a parser's error would.
/// </summary>
public interface IContentFileCheck
{
    Task CheckAsync(IReadOnlyList<ContentFile> files, List<ImportProblem> problems, CancellationToken cancellationToken = default);
}

public static class ContentFileChecks
{
    /// <summary>Runs every check over <paramref name="files"/>; returns the paths of the files they found an error in.</summary>
    public static async Task<IReadOnlySet<string>> RunAsync(this IEnumerable<IContentFileCheck> checks, IReadOnlyList<ContentFile> files, List<ImportProblem> problems, CancellationToken cancellationToken = default)
    {
        var before = problems.Count;
        if (files.Count > 0)
        {
            foreach (var check in checks) await check.CheckAsync(files, problems, cancellationToken);
        }
        return problems.Skip(before).Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
    }
}
