using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Import;

/// <summary>Writes validated files as content versions, in one transaction.</summary>
public sealed class ContentVersionWriter(LearnDbContext db, TimeProvider clock)
{
    public const string ImportAuthor = ContentActors.Import;

    /// <summary>Metadata as JSON: camelCase names, enums by name (numbers written before are still read).</summary>
    public static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public async Task WriteAsync(IReadOnlyList<ContentFile> files, IReadOnlyCollection<string> allPaths, ImportReport report, CancellationToken cancellationToken)
    {
        // Only the latest and published versions matter here; version numbers come from the max.
        var items = await db.Set<ContentItem>()
            .Include(i => i.Versions.Where(v => v.Latest || v.Published))
            .ToListAsync(cancellationToken);
        var maxNumbers = await db.Set<ContentItemVersion>()
            .GroupBy(v => v.ContentItemId)
            .Select(g => new { g.Key, Max = g.Max(v => v.Number) })
            .ToDictionaryAsync(g => g.Key, g => g.Max, cancellationToken);
        var byKey = items.ToDictionary(i => (i.ContentType, i.Culture, i.TranslationKey));
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var file in files)
        {
            if (!byKey.TryGetValue((file.ContentType, file.Culture, file.TranslationKey), out var item))
            {
                item = new ContentItem
                {
                    ContentType = file.ContentType,
                    Culture = file.Culture,
                    TranslationKey = file.TranslationKey,
                    SourcePath = file.Path,
                    ImportedHash = file.Hash,
                    CreatedUtc = now,
                };
                db.Add(item);
                AddVersion(db, item, file, now, 0);
                report.Added++;
                continue;
            }
            var latest = item.Versions.FirstOrDefault(v => v.Latest);
            item.SourcePath = file.Path;
            // Before this was recorded, the newest version written by an import stood for the file.
            var lastImported = item.ImportedHash ?? (latest?.Author == ImportAuthor ? latest.ContentHash : null);
            if (lastImported == file.Hash || latest?.ContentHash == file.Hash || IsExportOf(file, latest))
            {
                // The file has not changed since it was imported (whatever was edited in the browser
                // since stays), or it now holds exactly the newest version (e.g. an export of it).
                item.ImportedHash = file.Hash;
                // Versions imported before sources were kept get theirs from the same file.
                if (latest is { Source: null } && latest.ContentHash == file.Hash) latest.Source = file.Source;
                report.Unchanged++;
                continue;
            }
            if (latest is not null && latest.Author != ImportAuthor)
            {
                // Both changed: the browser's edit is never overwritten by a file.
                report.Problems.Add(ImportProblem.Warning(file.Path, null, ImportMessages.EditedInBrowser, latest.Number, latest.Author));
                continue;
            }
            AddVersion(db, item, file, now, maxNumbers.GetValueOrDefault(item.Id));
            report.Updated++;
        }

        var imported = files.Select(f => (f.ContentType, f.Culture, f.TranslationKey)).ToHashSet();
        var present = allPaths.ToHashSet(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.SourcePath is not null && !present.Contains(i.SourcePath)))
        {
            if (!imported.Contains((item.ContentType, item.Culture, item.TranslationKey)))
            {
                report.Problems.Add(ImportProblem.Warning(item.SourcePath!, null, ImportMessages.RemovedFile));
            }
        }

        if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Whether the file is what an export writes for this version: its source, with its status line.</summary>
    private static bool IsExportOf(ContentFile file, ContentItemVersion? latest) =>
        latest?.Source is { } source && Export.ContentExporter.WithStatus(source, latest.Published) == file.Source;

    private static void AddVersion(LearnDbContext db, ContentItem item, ContentFile file, DateTime now, int maxNumber)
    {
        item.ImportedHash = file.Hash;
        var version = new ContentItemVersion
        {
            Title = file.Title,
            Slug = file.Slug,
            Body = file.Body,
            Metadata = JsonSerializer.Serialize(file.Metadata, file.Metadata.GetType(), MetadataJson),
            Source = file.Source,
            ContentHash = file.Hash,
            Author = ImportAuthor,
        };
        ContentVersioning.AddVersion(item, version, publish: !file.Draft, now);
        // The item's loaded versions are only the latest and published ones.
        version.Number = Math.Max(version.Number, maxNumber + 1);
        ContentJournal.Record(db, item, ContentOperation.Imported, ImportAuthor, now, version.Number, file.Path);
        if (!file.Draft) ContentJournal.Record(db, item, ContentOperation.Published, ImportAuthor, now, version.Number);
    }
}
