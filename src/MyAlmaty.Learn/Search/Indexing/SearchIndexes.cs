using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>The index of each culture, under the search folder; each is opened once and shared.</summary>
public sealed class SearchIndexes(string root, TimeProvider clock, ILogger<SearchIndexes> logger) : IDisposable
{
    private readonly Dictionary<string, SearchIndex> _open = [];
    private readonly System.Threading.Lock _lock = new();
    private bool _disposed;

    public string Root { get; } = root;

    public SearchIndex Get(string culture)
    {
        if (!Cultures.IsSupported(culture)) throw new ArgumentException($"No search index for culture '{culture}'.", nameof(culture));
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_open.TryGetValue(culture, out var index))
            {
                index = SearchIndex.Open(culture, Path.Combine(Root, culture), clock, logger);
                _open[culture] = index;
            }
            return index;
        }
    }

    public IReadOnlyList<SearchIndex> All => [.. Cultures.All.Select(Get)];

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var index in _open.Values) index.Dispose();
            _open.Clear();
        }
    }
}
