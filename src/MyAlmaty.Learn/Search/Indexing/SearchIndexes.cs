using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>The index of each culture, under the search folder; each is opened once and shared.</summary>
public sealed class SearchIndexes(string root, TimeProvider clock, ILogger<SearchIndexes> logger) : IDisposable
{
    private readonly Dictionary<string, SearchIndex> _open = [];
    private FileStream? _processLock;
    private readonly System.Threading.Lock _lock = new();
    private bool _disposed;

    public string Root { get; } = root;

    public SearchIndex Get(string culture)
    {
        if (!Cultures.IsSupported(culture)) throw new ArgumentException($"No search index for culture '{culture}'.", nameof(culture));
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _processLock ??= LockFolder();
            if (!_open.TryGetValue(culture, out var index))
            {
                index = SearchIndex.Open(culture, Path.Combine(Root, culture), clock, logger);
                _open[culture] = index;
            }
            return index;
        }
    }

    /// <summary>
    /// One process at a time writes the indexes of a folder (two writers would corrupt them). Lucene's own
    /// lock is not reliable between processes on every platform, so the folder is also locked as a whole.
    /// </summary>
    private FileStream LockFolder()
    {
        Directory.CreateDirectory(Root);
        try
        {
            return new FileStream(Path.Combine(Root, "process.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new Lucene.Net.Store.LockObtainFailedException($"The search indexes in {Root} are in use by another process.", e);
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
            _processLock?.Dispose();
        }
    }
}
