namespace MyAlmaty.Learn.Search;

/// <summary>Bound from the "Search" configuration section.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The folder of the indexes, one subfolder per culture; relative to the data folder unless absolute.</summary>
    public string IndexPath { get; set; } = "search";

    /// <summary>How often the content journal is checked for changes made by other nodes; changes made here wake the indexer at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often applied changes are committed to disk (they are searchable before that).</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Searches answered at the same time (0: one per processor core). A search is all processor
    /// work, so running more at once only makes each slower; the others wait their turn in order.
    /// </summary>
    public int ConcurrentSearches { get; set; }

    /// <summary>Searches that may wait for their turn; beyond that a reader is asked to try again in a moment.</summary>
    public int SearchQueue { get; set; } = 500;

    /// <summary>One client's searches that may be running or in that line at once (0: twice <see cref="ConcurrentSearches"/>).</summary>
    public int SearchesPerClient { get; set; }

    /// <summary>One client's searches that may wait for a place in the line; beyond that that client is asked to try again.</summary>
    public int SearchQueuePerClient { get; set; } = 16;
}
