using MyAlmaty.Learn.Content.Import;

namespace MyAlmaty.Learn.Content.Types;

/// <summary>The fields every content type has in its metadata.</summary>
public abstract record ContentMetadata
{
    /// <summary>One sentence for cards, search results and the meta description.</summary>
    public string? Summary { get; init; }

    /// <summary>Text of the metadata a reader sees on the item's page, for search to find it by.</summary>
    public virtual IEnumerable<string> SearchableText() => Summary is null ? [] : [Summary];
}

/// <summary>
/// A link from one item to another by translation key, checked at import. A missing target of an
/// <paramref name="Optional"/> link is a warning (the item works without it), otherwise an error.
/// </summary>
public sealed record ContentReference(string Field, string TargetType, string TargetKey, int Line, bool Optional = false);

/// <summary>
/// What a content type is: its name, its fields and its typed metadata. Features register their types
/// (Orchard Core's content type definitions, in code); new types need no change to the content tables
/// because metadata is stored as JSON, and no admin code because the editor's form comes from
/// <see cref="Fields"/>.
/// </summary>
public interface IContentTypeDefinition
{
    string Name { get; }

    /// <summary>The type's name for people, as an msgid (e.g. "Lesson").</summary>
    string Label { get; }

    /// <summary>The folder of content/ its files are in (e.g. "lessons"), for items made in the browser.</summary>
    string Folder { get; }

    Type MetadataType { get; }

    /// <summary>Whether the body may be empty.</summary>
    bool BodyRequired { get; }

    /// <summary>The metadata fields, in the order they are written and shown; the summary first.</summary>
    IReadOnlyList<ContentField> Fields { get; }

    /// <summary>Reads the type's fields; problems go to the front matter's report.</summary>
    ContentMetadata Read(FrontMatter frontMatter);

    IEnumerable<ContentReference> References(FrontMatter frontMatter);
}

/// <summary>
/// Base for definitions: the fields are read from the declared list into the metadata record (field
/// names are its properties in camelCase). A type overrides <see cref="Complete"/> only for what the
/// list cannot say: nested sections and rules that span fields.
/// </summary>
public abstract class ContentTypeDefinition<TMetadata> : IContentTypeDefinition where TMetadata : ContentMetadata
{
    private IReadOnlyList<ContentField>? _fields;

    public abstract string Name { get; }
    public abstract string Label { get; }
    public abstract string Folder { get; }
    public Type MetadataType => typeof(TMetadata);
    public virtual bool BodyRequired => false;

    public IReadOnlyList<ContentField> Fields => _fields ??= [ContentField.Summary, .. DeclareFields()];

    /// <summary>The type's own fields, after the summary every type has.</summary>
    protected abstract IEnumerable<ContentField> DeclareFields();

    public ContentMetadata Read(FrontMatter frontMatter)
    {
        var values = new System.Text.Json.Nodes.JsonObject();
        foreach (var field in Fields)
        {
            if (field.Read(frontMatter) is { } value) values[ToPropertyName(field.Name)] = System.Text.Json.JsonSerializer.SerializeToNode(value, value.GetType(), ContentVersionWriter.MetadataJson);
        }
        var metadata = System.Text.Json.JsonSerializer.Deserialize<TMetadata>(values, ContentVersionWriter.MetadataJson)!;
        return Complete(metadata, frontMatter);
    }

    /// <summary>Adds what the field list cannot read (nested sections) and checks rules that span fields.</summary>
    protected virtual TMetadata Complete(TMetadata metadata, FrontMatter frontMatter) => metadata;

    public IEnumerable<ContentReference> References(FrontMatter frontMatter) => Fields.SelectMany(f => f.References(frontMatter));

    private static string ToPropertyName(string field) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field);
}
