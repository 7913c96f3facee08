using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Import;

/// <summary>
/// Brings the files of content/ into the database. Idempotent: an unchanged file writes nothing,
/// a changed one adds a version, a removed one is reported and its content kept. A file with errors
/// is skipped (its earlier version, if any, stays as it was) and the others still load.
/// </summary>
public sealed class ContentImporter(ContentFileParser parser, ContentReferenceChecker checker, IEnumerable<IContentFileCheck> checks, ContentVersionWriter writer, LearnDbContext db)
{
    public async Task<ImportReport> ImportAsync(string contentRoot, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var paths = ListFiles(contentRoot);
        report.FilesRead = paths.Count;

        var files = new List<ContentFile>();
        var failedKeys = new HashSet<(string Culture, string Key)>();
        foreach (var path in paths)
        {
            var bytes = await File.ReadAllBytesAsync(System.IO.Path.Combine(contentRoot, path), cancellationToken);
            if (parser.Parse(path, bytes, report.Problems) is { } file) files.Add(file);
            else if (NameOf(path) is { } failed) failedKeys.Add(failed);
        }
        var failing = await checks.RunAsync(files, report.Problems, cancellationToken);
        foreach (var file in files.Where(f => failing.Contains(f.Path))) failedKeys.Add((file.Culture, file.TranslationKey));
        files.RemoveAll(f => failing.Contains(f.Path));

        var known = await db.Set<ContentItem>().AsNoTracking()
            .Select(i => new { i.ContentType, i.Culture, i.TranslationKey, i.SourcePath })
            .ToListAsync(cancellationToken);
        // When two files claim the same key or slug, the one imported before keeps it.
        var imported = known.Where(i => i.SourcePath is not null).Select(i => i.SourcePath!).ToHashSet(StringComparer.Ordinal);
        files = [.. files.OrderBy(f => imported.Contains(f.Path) ? 0 : 1)];
        var editorItems = known.Where(i => i.SourcePath is null).Select(i => (i.ContentType, i.Culture, i.TranslationKey));
        var valid = checker.Check(files, failedKeys, editorItems, report.Problems);

        await writer.WriteAsync(valid, paths, report, cancellationToken);
        return report;
    }

    /// <summary>Every *.md below the root except README files, relative, with forward slashes, in a stable order.</summary>
    private static List<string> ListFiles(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                .Select(p => System.IO.Path.GetRelativePath(root, p).Replace('\\', '/'))
                .Where(p => !System.IO.Path.GetFileName(p).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    private static (string, string)? NameOf(string path)
    {
        var parts = System.IO.Path.GetFileName(path).Split('.');
        return parts.Length == 3 ? (parts[1], parts[0]) : null;
    }
}
