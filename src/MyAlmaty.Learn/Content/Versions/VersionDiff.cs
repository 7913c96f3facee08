using System.Text.Json;
using System.Text.Json.Nodes;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Types;
using YamlDotNet.RepresentationModel;

namespace MyAlmaty.Learn.Content.Versions;

/// <summary>Which version a comparison side is: the item and the version's number, author and dates.</summary>
public sealed record ComparedVersion(ContentKey Key, int Number, string Author, DateTime CreatedUtc, DateTime? PublishedUtc);

/// <summary>
/// Two versions compared: field by field (title, address, then the type's declared fields in their order)
/// and the body line by line. The versions may be of one item or, for a translation, of two items of the
/// same type.
/// </summary>
public sealed record VersionComparison(string ContentType, ComparedVersion Old, ComparedVersion New, IReadOnlyList<FieldComparison> Fields, LineDiff Body)
{
    public bool HasChanges => Body.HasChanges || Fields.Any(f => f.Changed);

    public IEnumerable<FieldComparison> ChangedFields => Fields.Where(f => f.Changed);

    /// <summary>The comparison of one field by name, or null when the type has no such field.</summary>
    public FieldComparison? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// Compares versions. Pure and quick: a field's value is read from the version's source the way the
/// editor's form reads it (<see cref="ContentSource.Values"/>), or from its metadata when the version has
/// no source; the body is compared with <see cref="LineDiff"/>.
/// </summary>
public static class VersionDiff
{
    public static VersionComparison Compare(IContentTypeDefinition type, ContentKey key, ContentItemVersion old, ContentItemVersion @new) =>
        Compare(type, key, old, key, @new);

    /// <summary>Compares versions of two items of <paramref name="type"/> (an item and its translation, say).</summary>
    public static VersionComparison Compare(IContentTypeDefinition type, ContentKey oldKey, ContentItemVersion old, ContentKey newKey, ContentItemVersion @new)
    {
        if (oldKey.ContentType != type.Name || newKey.ContentType != type.Name)
        {
            throw new ArgumentException($"Only versions of type {type.Name} can be compared with its fields, not {oldKey.ContentType} and {newKey.ContentType}.", nameof(type));
        }
        var oldValues = Values(type, old);
        var newValues = Values(type, @new);
        var fields = new List<FieldComparison>(type.Fields.Count + 2)
        {
            FieldComparison.Of("title", FieldLabels.Title, FieldKind.Text, old.Title, @new.Title),
            FieldComparison.Of("slug", FieldLabels.Slug, FieldKind.Text, old.Slug, @new.Slug),
        };
        foreach (var field in type.Fields)
        {
            fields.Add(FieldComparison.Of(field.Name, field.Label, field.Kind, oldValues.GetValueOrDefault(field.Name), newValues.GetValueOrDefault(field.Name)));
        }
        return new VersionComparison(type.Name, Describe(oldKey, old), Describe(newKey, @new), fields, LineDiff.Compute(old.Body, @new.Body));
    }

    /// <summary>
    /// The values of the type's fields in a version, as the form shows them: text as written, a list one
    /// item per line, nested sections (a quiz's questions) as YAML. Absent fields are left out.
    /// </summary>
    public static Dictionary<string, string> Values(IContentTypeDefinition type, ContentItemVersion version)
    {
        if (version.Source is { } source && ContentSource.Split(source) is { } split)
        {
            var values = ContentSource.Values(split.FrontMatter);
            foreach (var field in type.Fields.Where(f => f.Kind == FieldKind.Sections))
            {
                if (split.FrontMatter.Children.TryGetValue(new YamlScalarNode(field.Name), out var node)) values[field.Name] = ContentSource.Yaml(node);
            }
            return values;
        }
        return MetadataValues(type, version.Metadata);
    }

    /// <summary>Values from the metadata JSON, for versions imported before sources were kept.</summary>
    private static Dictionary<string, string> MetadataValues(IContentTypeDefinition type, string metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonObject? json;
        try
        {
            json = JsonNode.Parse(metadata) as JsonObject;
        }
        catch (JsonException)
        {
            return values;
        }
        if (json is null) return values;
        foreach (var field in type.Fields)
        {
            if (json[JsonNamingPolicy.CamelCase.ConvertName(field.Name)] is { } node && Text(node) is { } text) values[field.Name] = text;
        }
        return values;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string? Text(JsonNode node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>() ? "true" : "false",
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => null,
        JsonValue value => value.ToJsonString(),
        JsonArray array when array.All(i => i is JsonValue v && v.GetValueKind() == JsonValueKind.String) => string.Join('\n', array.Select(i => i!.GetValue<string>())),
        _ => node.ToJsonString(Indented),
    };

    private static ComparedVersion Describe(ContentKey key, ContentItemVersion version) =>
        new(key, version.Number, version.Author, version.CreatedUtc, version.PublishedUtc);
}
