using System.Text;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Export;

public sealed record ExportReport(int Written, int Unchanged, IReadOnlyList<string> Paths);

/// <summary>
/// Writes the database's content back as files of content/: one file per item and culture, at the
/// path it was imported from (or {folder}/{key}.{culture}.md for an item made in the browser), holding
/// the item's newest version exactly as it was imported or saved. A newest version that is not on the
/// site says <c>status: draft</c>, so that importing the export gives back the same state; nothing
/// else of the text is touched, so an export of imported content is byte for byte the files it came from.
/// </summary>
public sealed class ContentExporter(LearnDbContext db, ContentTypeRegistry types)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<ExportReport> ExportAsync(string root, CancellationToken cancellationToken = default)
    {
        var items = await db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => v.Latest)
            .Select(v => new { v.ContentItem!.ContentType, v.ContentItem.Culture, v.ContentItem.TranslationKey, v.ContentItem.SourcePath, v.Source, v.Title, v.Body, v.Published })
            .ToListAsync(cancellationToken);
        var written = 0;
        var unchanged = 0;
        var paths = new List<string>();
        foreach (var item in items.OrderBy(i => i.SourcePath ?? i.TranslationKey, StringComparer.Ordinal))
        {
            if (!types.TryGet(item.ContentType, out var type)) continue;
            var relative = item.SourcePath ?? $"{type.Folder}/{item.TranslationKey}.{item.Culture}.md";
            var source = item.Source ?? ContentSource.WithTitleAndBody(null, type, item.Title, item.Body);
            var text = WithStatus(source, item.Published);
            var file = Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));
            var bytes = Utf8.GetBytes(text);
            paths.Add(relative);
            if (File.Exists(file) && (await File.ReadAllBytesAsync(file, cancellationToken)).AsSpan().SequenceEqual(bytes))
            {
                unchanged++;
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, bytes, cancellationToken);
            written++;
        }
        return new ExportReport(written, unchanged, paths);
    }

    /// <summary>
    /// The source with its status line saying what the version is: none for a published one (published
    /// is what a file means by default), <c>status: draft</c> for one that is not. Only that line changes.
    /// </summary>
    public static string WithStatus(string source, bool published)
    {
        var newline = source.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = source.Split('\n').ToList();
        var close = lines.FindIndex(1, l => l.TrimEnd('\r', ' ', '\t') == "---");
        if (!lines[0].TrimStart('\uFEFF').TrimEnd('\r').Equals("---", StringComparison.Ordinal) || close < 0) return source;
        var status = lines.FindIndex(1, close - 1, l => l.StartsWith("status:", StringComparison.Ordinal));
        var draft = status > 0 && lines[status].Contains("draft", StringComparison.Ordinal);
        if (published == !draft) return source;
        if (published)
        {
            lines.RemoveAt(status);
        }
        else if (status > 0)
        {
            lines[status] = "status: draft" + (lines[status].EndsWith('\r') ? "\r" : "");
        }
        else
        {
            lines.Insert(close, "status: draft" + (newline == "\r\n" ? "\r" : ""));
        }
        return string.Join('\n', lines);
    }
}
