using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>
/// The index of one culture: one <see cref="IndexWriter"/> shared by all threads, searchers from a
/// <see cref="SearcherManager"/> (near-real-time: changes are searchable after <see cref="Refresh"/>,
/// long before they are committed). The queue cursor is committed with the documents it produced,
/// in the commit's user data, so a crash can never leave one ahead of the other.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private const string CursorKey = "cursor";
    private const string SchemaKey = "schema";
    private const string CommittedKey = "committed";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _commitLock = new();
    private long _cursor;
    private long _committedCursor;
    private bool _dirty;

    private readonly TimeProvider _clock;

    private SearchIndex(string culture, string path, LuceneDirectory directory, IndexWriter writer, IndexState state, TimeProvider clock)
    {
        Culture = culture;
        Path = path;
        _directory = directory;
        _writer = writer;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, new SearcherFactory());
        IndexAnalyzer = writer.Config.Analyzer;
        _clock = clock;
        _cursor = _committedCursor = state.Cursor;
        NeedsRebuild = state.Fresh;
        CommittedUtc = state.CommittedUtc;
        QueryAnalyzer = SearchAnalyzers.Create(culture, forQuery: true);
    }

    public string Culture { get; }

    public string Path { get; }

    /// <summary>How the documents were analyzed (also how snippets are marked).</summary>
    public Analyzer IndexAnalyzer { get; }

    /// <summary>The analyzer for queries on this index: as <see cref="IndexAnalyzer"/>, with spelling variants.</summary>
    public Analyzer QueryAnalyzer { get; }

    /// <summary>The last queue entry applied (searchable, maybe not yet committed).</summary>
    public long Cursor => Interlocked.Read(ref _cursor);

    /// <summary>When the index was last written to disk; an index older than the queue's memory must be rebuilt.</summary>
    public DateTime CommittedUtc { get; private set; }

    /// <summary>The index was missing, unreadable or made by other analysis: it must be filled from the database.</summary>
    public bool NeedsRebuild { get; private set; }

    /// <summary>
    /// Opens the index in <paramref name="path"/>, creating it when missing. An index that cannot be
    /// read, or was made with another <see cref="SearchAnalyzers.Schema"/>, is started afresh and
    /// marked <see cref="NeedsRebuild"/>: a broken index costs a rebuild, never the site.
    /// </summary>
    /// <exception cref="LockObtainFailedException">Another process (a running site) holds the index.</exception>
    public static SearchIndex Open(string culture, string path, TimeProvider clock, ILogger logger)
    {
        System.IO.Directory.CreateDirectory(path);
        SearchCodec.Register();
        var directory = FSDirectory.Open(path);
        try
        {
            var state = ReadState(directory, logger, culture);
            var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.Create(culture, forQuery: false))
            {
                OpenMode = state.Fresh ? OpenMode.CREATE : OpenMode.APPEND,
                RAMBufferSizeMB = 64,
                Codec = new SearchCodec(),
            };
            var writer = new IndexWriter(directory, config);
            var index = new SearchIndex(culture, path, directory, writer, state, clock);
            if (state.Fresh) index.CommitIfChanged(force: true);
            return index;
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    private sealed record IndexState(long Cursor, bool Fresh, DateTime CommittedUtc);

    private static IndexState ReadState(LuceneDirectory directory, ILogger logger, string culture)
    {
        var fresh = new IndexState(0, true, DateTime.MinValue);
        if (!DirectoryReader.IndexExists(directory)) return fresh;
        try
        {
            // Opening a reader checks that every segment the last commit names is there and readable.
            using (DirectoryReader.Open(directory)) { }
            var data = DirectoryReader.ListCommits(directory)[^1].UserData;
            if (!data.TryGetValue(SchemaKey, out var schema) || schema != SearchAnalyzers.Schema)
            {
                logger.LogInformation("The {Culture} search index was made by an older version and will be rebuilt.", culture);
                return fresh;
            }
            var committed = data.TryGetValue(CommittedKey, out var t) ? DateTime.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind) : DateTime.MinValue;
            return new IndexState(long.Parse(data[CursorKey], CultureInfo.InvariantCulture), false, committed);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException or ArgumentException or KeyNotFoundException)
        {
            logger.LogWarning(e, "The {Culture} search index cannot be read and will be rebuilt.", culture);
            // Nothing of a broken index is worth keeping, and a fresh writer must not trip over its files.
            foreach (var file in directory.ListAll()) directory.DeleteFile(file);
            return fresh;
        }
    }

    /// <summary>Replaces everything indexed for one item with <paramref name="documents"/> (none: the item is gone).</summary>
    public void Replace(string itemRef, IEnumerable<SearchDocument> documents)
    {
        _writer.DeleteDocuments(new Term(SearchFields.Ref, itemRef));
        foreach (var document in documents) _writer.AddDocument(document.ToLucene());
        _dirty = true;
    }

    /// <summary>Adds documents of items not indexed yet (a rebuild, a benchmark); safe from several threads.</summary>
    public void Add(SearchDocument document)
    {
        _writer.AddDocument(document.ToLucene());
        _dirty = true;
    }

    public void Clear()
    {
        _writer.DeleteAll();
        _dirty = true;
    }

    /// <summary>Makes applied changes searchable and moves the cursor; nothing is written to disk yet.</summary>
    public void Refresh(long cursor)
    {
        _searchers.MaybeRefreshBlocking();
        Interlocked.Exchange(ref _cursor, Math.Max(cursor, Cursor));
    }

    /// <summary>After a rebuild: the cursor is where the rebuild started reading, not further.</summary>
    public void Rebuilt(long cursor)
    {
        _searchers.MaybeRefreshBlocking();
        Interlocked.Exchange(ref _cursor, cursor);
        CommitIfChanged(force: true);
        NeedsRebuild = false;
    }

    /// <summary>Writes applied changes and the cursor to disk, if there are any.</summary>
    public void CommitIfChanged(bool force = false)
    {
        lock (_commitLock)
        {
            var cursor = Cursor;
            if (!force && !_dirty && cursor == _committedCursor) return;
            _dirty = false;
            var now = _clock.GetUtcNow().UtcDateTime;
            _writer.SetCommitData(new Dictionary<string, string>
            {
                [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture),
                [SchemaKey] = SearchAnalyzers.Schema,
                [CommittedKey] = now.ToString("O", CultureInfo.InvariantCulture),
            });
            _writer.Commit();
            _committedCursor = cursor;
            CommittedUtc = now;
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current searcher, released afterwards.</summary>
    public T Search<T>(Func<IndexSearcher, T> search)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The current searcher, which the caller must give back with <see cref="Release"/> (for searches over several indexes).</summary>
    public IndexSearcher Acquire() => _searchers.Acquire();

    public void Release(IndexSearcher searcher) => _searchers.Release(searcher);

    public int DocumentCount => Search(s => s.IndexReader.NumDocs);

    public void Dispose()
    {
        CommitIfChanged();
        _searchers.Dispose();
        _writer.Dispose();
        QueryAnalyzer.Dispose();
        IndexAnalyzer.Dispose();
        _directory.Dispose();
    }
}
