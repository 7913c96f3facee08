using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search.Analysis;
using MyAlmaty.Learn.Search.Indexing;

namespace MyAlmaty.Learn.Search.Querying;

/// <summary>
/// Answers searches: parses what was typed (a parser per query; they are not thread-safe), searches
/// the culture's index — or both, for «the other language too» — counts per type, and highlights.
/// When nothing matches it tries, in turn, similar words for the missing ones and any of the words.
/// </summary>
public sealed class SiteSearch(SearchIndexes indexes)
{
    private static readonly string[] Fields = [SearchFields.Title, SearchFields.Text];
    private static readonly Dictionary<string, float> Boosts = new() { [SearchFields.Title] = 3f, [SearchFields.Text] = 1f };

    public SearchResults Search(SearchRequest request)
    {
        var (text, shortened) = SearchInput.Clean(request.Text);
        SearchIndex[] parts = request.IncludeOtherLanguage
            ? [indexes.Get(request.Culture), indexes.Get(Cultures.Other(request.Culture))]
            : [indexes.Get(request.Culture)];
        var empty = new SearchResults { Text = text, Shortened = shortened, Notice = SearchNotice.NoWords };
        var queries = parts.Select(p => Parse(p, text, Operator.AND)).ToArray();
        if (queries.All(q => q is null)) return empty;

        var searchers = new IndexSearcher[parts.Length];
        MultiReader? both = null;
        try
        {
            for (var i = 0; i < parts.Length; i++) searchers[i] = parts[i].Acquire();
            // A MultiReader takes a reference on each reader it spans, given back only when it is closed.
            both = searchers.Length == 1 ? null : new MultiReader([.. searchers.Select(s => s.IndexReader)], closeSubReaders: false);
            var searcher = both is null ? searchers[0] : new IndexSearcher(both);
            var reader = searcher.IndexReader;

            var notice = SearchNotice.None;
            var typos = new TypoTolerance(searcher);
            var run = Run(searcher, parts, queries, request);
            if (run.All == 0 && Relaxed(queries, typos) is { } similar && Run(searcher, parts, similar, request) is { All: > 0 } found)
            {
                (run, queries, notice) = (found, similar, SearchNotice.SimilarWords);
            }
            if (run.All == 0 && text.Contains(' '))
            {
                var any = parts.Select(p => Parse(p, text, Operator.OR)).ToArray();
                any = Relaxed(any, typos) ?? any;
                if (Run(searcher, parts, any, request) is { All: > 0 } some) (run, queries, notice) = (some, any, SearchNotice.SomeWords);
            }
            if (run.All == 0) notice = SearchNotice.NothingFound;

            // Fuzzy words are their terms already (TypoTolerance); rewriting makes sure nothing is left
            // for the marking of every hit's title and snippet to expand again.
            var marking = queries.Select(q => q is null ? null : searcher.Rewrite(q)).ToArray();
            var highlights = new Highlights(reader);
            var fields = request.Snippets ? Highlights.FieldsWithText : Highlights.FieldsWithoutText;
            var hits = run.Docs.ScoreDocs.Select(d =>
            {
                var document = searcher.Doc(d.Doc, fields);
                var part = Array.FindIndex(parts, p => p.Culture == document.Get(SearchFields.Culture));
                return highlights.Hit(document, parts[part].IndexAnalyzer, marking[part]!, request.Snippets);
            }).ToList();

            return new SearchResults
            {
                Text = text,
                Shortened = shortened,
                Total = run.Docs.TotalHits,
                Counts = run.Counts,
                Hits = hits,
                Page = request.Page,
                PageCount = (run.Docs.TotalHits + request.PageSize - 1) / request.PageSize,
                Notice = notice,
                Suggestion = notice == SearchNotice.SimilarWords ? highlights.MarkedWords(hits.FirstOrDefault()) : null,
            };
        }
        finally
        {
            both?.Dispose();
            for (var i = 0; i < parts.Length; i++)
            {
                if (searchers[i] is not null) parts[i].Release(searchers[i]);
            }
        }
    }

    private sealed record RunResult(TopDocs Docs, IReadOnlyDictionary<string, int> Counts)
    {
        /// <summary>Matches of every type: what decides whether to try harder.</summary>
        public int All => Counts.Values.Sum();
    }

    private static RunResult Run(IndexSearcher searcher, SearchIndex[] parts, Query?[] queries, SearchRequest request)
    {
        var page = Math.Max(1, request.Page);
        var top = TopScoreDocCollector.Create(page * request.PageSize, docsScoredInOrder: true);
        var counting = new TypeCountingCollector(top, request.ContentType);
        searcher.Search(Combine(parts, queries, request.Workspace), counting);
        return new RunResult(top.GetTopDocs((page - 1) * request.PageSize, request.PageSize), counting.Counts);
    }

    /// <summary>The words, restricted to what the reader may see; with two indexes, each culture's words for its own documents.</summary>
    private static BooleanQuery Combine(SearchIndex[] parts, Query?[] queries, bool workspace)
    {
        var visibility = new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Visibility, workspace ? SearchFields.Workspace : SearchFields.Public))) { Boost = 0 };
        var combined = new BooleanQuery { { visibility, Occur.MUST } };
        if (parts.Length == 1)
        {
            combined.Add(queries[0], Occur.MUST);
            return combined;
        }
        var either = new BooleanQuery();
        for (var i = 0; i < parts.Length; i++)
        {
            if (queries[i] is not { } query) continue;
            var culture = new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Culture, parts[i].Culture))) { Boost = 0 };
            either.Add(new BooleanQuery { { culture, Occur.MUST }, { query, Occur.MUST } }, Occur.SHOULD);
        }
        combined.Add(either, Occur.MUST);
        return combined;
    }

    /// <summary>The queries with missing words made fuzzy (already rewritten into their terms); null when none was missing.</summary>
    private static Query?[]? Relaxed(Query?[] queries, TypoTolerance typos)
    {
        var relaxed = queries.Select(q => q is null ? null : typos.Relax(q)).ToArray();
        return relaxed.All(q => q is null) ? null : [.. relaxed.Select((q, i) => q ?? queries[i])];
    }

    private static Query? Parse(SearchIndex index, string text, Operator words)
    {
        if (text.Length == 0) return null;
        var parser = new MultiFieldQueryParser(SearchAnalyzers.Version, Fields, index.QueryAnalyzer, Boosts) { DefaultOperator = words };
        try
        {
            var query = parser.Parse(SearchInput.ToSyntax(text));
            return query is null || query is BooleanQuery { Clauses.Count: 0 } ? null : query;
        }
        catch (Exception e) when (e is ParseException or BooleanQuery.TooManyClausesException)
        {
            // Escaped input should always parse; if it ever does not, the reader gets «type some words», not an error.
            return null;
        }
    }
}
