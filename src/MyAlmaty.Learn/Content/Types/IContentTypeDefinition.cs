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
/// What a content type is: its name, its typed metadata and how that is read from front matter.
/// Features register their types (Orchard Core's content type definitions, in code); new types
/// need no change to the content tables because metadata is stored as JSON.
/// </summary>
public interface IContentTypeDefinition
{
    string Name { get; }
    Type MetadataType { get; }

    /// <summary>Whether the body may be empty.</summary>
    bool BodyRequired { get; }

    /// <summary>Reads the type's fields; problems go to the front matter's report.</summary>
    ContentMetadata Read(FrontMatter frontMatter);

    IEnumerable<ContentReference> References(FrontMatter frontMatter);
}

/// <summary>Base for definitions: reads the common summary and nothing else.</summary>
public abstract class ContentTypeDefinition<TMetadata> : IContentTypeDefinition where TMetadata : ContentMetadata
{
    public abstract string Name { get; }
    public Type MetadataType => typeof(TMetadata);
    public virtual bool BodyRequired => false;

    public ContentMetadata Read(FrontMatter frontMatter) =>
        ReadFields(frontMatter) with { Summary = frontMatter.Text("summary", maxLength: 400) };

    protected abstract TMetadata ReadFields(FrontMatter frontMatter);

    public virtual IEnumerable<ContentReference> References(FrontMatter frontMatter) => [];

    /// <summary>An optional link to one item: the field's item is shown when it exists.</summary>
    protected static IEnumerable<ContentReference> SingleReference(FrontMatter frontMatter, string field, string targetType) =>
        frontMatter.Text(field, maxLength: 200) is { } key ? [new ContentReference(field, targetType, key, frontMatter.LineOf(field) ?? frontMatter.EndLine, Optional: true)] : [];

    protected static IEnumerable<ContentReference> ListReferences(FrontMatter frontMatter, string field, string targetType) =>
        (frontMatter.TextList(field) ?? []).Select(r => new ContentReference(field, targetType, r.Value, r.Line));
}
