using System.Threading.RateLimiting;
using MyAlmaty.Learn.Search;

namespace MyAlmaty.Learn.Web.Search;

/// <summary>
/// Searches take turns: as many run at once as <see cref="SearchOptions.ConcurrentSearches"/> says
/// (one per core by default), the others wait, without holding a thread, first come first served.
/// A search is all processor work: sixteen sharing two cores each take eight times as long and a slow
/// one holds every other up, while sixteen taking turns finish as fast on average and far more evenly.
/// Each client (address) has only a few places in that line (<see cref="SearchOptions.SearchesPerClient"/>),
/// so one client sending hundreds at once is answered «try again» while everyone else still gets results.
/// </summary>
public sealed class SearchTurns : IDisposable
{
    private readonly ConcurrencyLimiter _all;
    private readonly PartitionedRateLimiter<string> _perClient;

    public SearchTurns(SearchOptions options)
    {
        var running = options.ConcurrentSearches > 0 ? options.ConcurrentSearches : Environment.ProcessorCount;
        _all = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = running,
            QueueLimit = Math.Max(0, options.SearchQueue),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var perClient = options.SearchesPerClient > 0 ? options.SearchesPerClient : 2 * running;
        _perClient = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetConcurrencyLimiter(client, _ => new ConcurrencyLimiterOptions
        {
            PermitLimit = perClient,
            QueueLimit = Math.Max(0, options.SearchQueuePerClient),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    /// <summary>A turn, to dispose when the search is done; not acquired when too many are waiting already.</summary>
    public async ValueTask<Turn> WaitAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "";
        var place = await _perClient.AcquireAsync(client, 1, cancellationToken);
        if (!place.IsAcquired) return new Turn(place, null);
        try
        {
            return new Turn(place, await _all.AcquireAsync(1, cancellationToken));
        }
        catch
        {
            place.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _all.Dispose();
        _perClient.Dispose();
    }

    public sealed class Turn(RateLimitLease place, RateLimitLease? shared) : IDisposable
    {
        public bool IsAcquired => place.IsAcquired && shared?.IsAcquired == true;

        public void Dispose()
        {
            shared?.Dispose();
            place.Dispose();
        }
    }
}
