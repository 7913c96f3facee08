using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using MyAlmaty.Learn.Search.Indexing;

namespace MyAlmaty.Learn.Search.Querying;

/// <summary>
/// Counts every match per content type and passes on to <paramref name="top"/> only the matches of
/// the chosen type: the counts beside the results and the results themselves in one pass. The
/// types come from the field cache, held in memory per segment: a query may match tens of thousands
/// of documents, and reading each one's type from doc values on disk took a quarter of its time.
/// </summary>
internal sealed class TypeCountingCollector(ICollector top, string? onlyType) : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private SortedDocValues? _types;
    private int[] _leafCounts = [];
    private int _onlyOrd = -1;

    public IReadOnlyDictionary<string, int> Counts
    {
        get
        {
            FlushLeaf();
            return _counts;
        }
    }

    public bool AcceptsDocsOutOfOrder => top.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => top.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushLeaf();
        _types = FieldCache.DEFAULT.GetTermsIndex(context.AtomicReader, SearchFields.Type);
        _leafCounts = new int[_types?.ValueCount ?? 0];
        _onlyOrd = onlyType is null || _types is null ? -1 : _types.LookupTerm(new BytesRef(onlyType));
        top.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        var ord = _types?.GetOrd(doc) ?? -1;
        if (ord >= 0) _leafCounts[ord]++;
        if (onlyType is null || (ord >= 0 && ord == _onlyOrd)) top.Collect(doc);
    }

    private void FlushLeaf()
    {
        if (_types is null) return;
        for (var ord = 0; ord < _leafCounts.Length; ord++)
        {
            if (_leafCounts[ord] == 0) continue;
            _types.LookupOrd(ord, _scratch);
            var type = _scratch.Utf8ToString();
            _counts[type] = _counts.GetValueOrDefault(type) + _leafCounts[ord];
            _leafCounts[ord] = 0;
        }
    }
}
