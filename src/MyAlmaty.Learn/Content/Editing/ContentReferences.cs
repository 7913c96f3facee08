using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Content.Editing;

public sealed record ReferencingItem(ContentKey Key, string Title, string Field, bool Published);

/// <summary>
/// Which items point at an item through their reference fields (a course at its modules, a lesson at
/// its quiz), in their newest or published version: listed before the item is deleted.
/// </summary>
public sealed class ContentReferences(LearnDbContext db, ContentTypeRegistry types)
{
    public async Task<IReadOnlyList<ReferencingItem>> ReferencingAsync(ContentKey target, CancellationToken cancellationToken = default)
    {
        var fields = types.Names.Select(types.Get)
            .SelectMany(t => t.Fields.Where(f => f.Target == target.ContentType).Select(f => (Type: t.Name, Field: f.Name)))
            .ToList();
        if (fields.Count == 0) return [];
        var sourceTypes = fields.Select(f => f.Type).Distinct().ToList();
        var versions = await db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => (v.Latest || v.Published) && v.ContentItem!.Culture == target.Culture && sourceTypes.Contains(v.ContentItem.ContentType))
            .Select(v => new { v.ContentItem!.ContentType, v.ContentItem.TranslationKey, v.Title, v.Metadata, v.Published })
            .ToListAsync(cancellationToken);
        var found = new List<ReferencingItem>();
        foreach (var version in versions)
        {
            var metadata = JsonNode.Parse(version.Metadata) as JsonObject;
            foreach (var (_, field) in fields.Where(f => f.Type == version.ContentType))
            {
                var value = metadata?[JsonNamingPolicy.CamelCase.ConvertName(field)];
                var points = value switch
                {
                    JsonArray list => list.Any(n => n?.GetValue<string>() == target.TranslationKey),
                    JsonValue one when one.TryGetValue<string>(out var key) => key == target.TranslationKey,
                    _ => false,
                };
                if (points) found.Add(new ReferencingItem(new ContentKey(target.Culture, version.ContentType, version.TranslationKey), version.Title, field, version.Published));
            }
        }
        return found.DistinctBy(f => (f.Key, f.Field)).OrderBy(f => f.Title, StringComparer.Ordinal).ToList();
    }
}
