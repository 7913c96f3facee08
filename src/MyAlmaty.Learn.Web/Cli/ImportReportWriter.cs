using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Web;

/// <summary>An import report as lines of text in the reader's language, compiler style.</summary>
public sealed class ImportReportWriter(UiStrings strings)
{
    public const string Totals = "Files: {0}; added {1}, updated {2}, unchanged {3}; errors: {4}, warnings: {5}.";

    public IEnumerable<string> Lines(ImportReport report, string culture)
    {
        var error = strings.Get(culture, ImportMessages.ErrorWord);
        var warning = strings.Get(culture, ImportMessages.WarningWord);
        foreach (var problem in report.Problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line))
        {
            yield return problem.Format((message, args) => strings.Get(culture, message, args), error, warning);
        }
        yield return strings.Get(culture, Totals, report.FilesRead, report.Added, report.Updated, report.Unchanged, report.ErrorCount, report.WarningCount);
    }
}
