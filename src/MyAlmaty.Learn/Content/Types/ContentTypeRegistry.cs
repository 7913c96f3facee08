namespace MyAlmaty.Learn.Content.Types;

/// <summary>All registered content types by name.</summary>
public sealed class ContentTypeRegistry
{
    private readonly Dictionary<string, IContentTypeDefinition> _types;

    public ContentTypeRegistry(IEnumerable<IContentTypeDefinition> definitions)
    {
        _types = definitions.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Names => _types.Keys;

    public bool TryGet(string name, out IContentTypeDefinition definition) => _types.TryGetValue(name, out definition!);

    public IContentTypeDefinition Get(string name) =>
        _types.TryGetValue(name, out var d) ? d : throw new KeyNotFoundException($"Content type '{name}' is not registered.");
}
