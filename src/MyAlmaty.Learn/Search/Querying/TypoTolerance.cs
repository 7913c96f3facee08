using Lucene.Net.Index;
using Lucene.Net.Search;

namespace MyAlmaty.Learn.Search.Querying;

/// <summary>
/// Typo tolerance: a word no document contains, in any field, is replaced by a fuzzy match of it
/// (one edit for short words, two for long ones), so «инициытива» still finds «инициатива» while
/// the correctly typed words of the same query stay exact. A fuzzy word is rewritten at once into
/// the terms it stands for, once per search: finding them is the costly part, and the search, the
/// «any of the words» fallback and the highlighting all use the same terms.
/// </summary>
internal sealed class TypoTolerance(IndexSearcher searcher)
{
    private const int ShortestFuzzy = 4;

    private readonly Dictionary<Term, Query> _fuzzy = [];

    /// <summary>The query with missing words made fuzzy; null when no word was missing.</summary>
    public Query? Relax(Query query)
    {
        var reader = searcher.IndexReader;
        if (Missing(query, reader)) return ToFuzzy(query);
        if (query is not BooleanQuery boolean) return null;
        var changed = false;
        var relaxed = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses)
        {
            var inner = clause.Occur == Occur.MUST_NOT ? null : Relax(clause.Query);
            changed |= inner is not null;
            relaxed.Add(inner ?? clause.Query, clause.Occur);
        }
        return changed ? relaxed : null;
    }

    /// <summary>Whether a word's query (its term in every field, with spelling variants) matches no document.</summary>
    private static bool Missing(Query query, IndexReader reader) => query switch
    {
        TermQuery term => term.Term.Text.Length >= ShortestFuzzy && reader.DocFreq(term.Term) == 0,
        BooleanQuery boolean => boolean.Clauses.Count > 0 && boolean.Clauses.All(c => c.Occur == Occur.SHOULD && Missing(c.Query, reader)),
        _ => false,
    };

    private Query ToFuzzy(Query query)
    {
        if (query is TermQuery term)
        {
            if (!_fuzzy.TryGetValue(term.Term, out var terms))
            {
                var text = term.Term.Text;
                _fuzzy[term.Term] = terms = searcher.Rewrite(new FuzzyQuery(term.Term, text.Length >= 7 ? 2 : 1, prefixLength: 1));
            }
            var boosted = (Query)terms.Clone();
            boosted.Boost *= term.Boost;
            return boosted;
        }
        var boolean = (BooleanQuery)query;
        var fuzzy = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost };
        foreach (var clause in boolean.Clauses) fuzzy.Add(ToFuzzy(clause.Query), clause.Occur);
        return fuzzy;
    }
}
