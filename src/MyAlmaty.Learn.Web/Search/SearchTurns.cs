using System.Threading.RateLimiting;
using MyAlmaty.Learn.Search;

namespace MyAlmaty.Learn.Web.Search;

/// <summary>
/// Searches take turns: as many run at once as <see cref="SearchOptions.ConcurrentSearches"/> says
/// (one per core by default), the others wait, without holding a thread, first come first served.
/// A search is all processor work: sixteen sharing two cores each take eight times as long and a slow
/// one holds every other up, while sixteen taking turns finish as fast on average and far more evenly.
/// </summary>
public sealed class SearchTurns(SearchOptions options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.ConcurrentSearches > 0 ? options.ConcurrentSearches : Environment.ProcessorCount,
        QueueLimit = Math.Max(0, options.SearchQueue),
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A turn, to dispose when the search is done; not acquired when too many are waiting already.</summary>
    public ValueTask<RateLimitLease> WaitAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose() => _limiter.Dispose();
}
