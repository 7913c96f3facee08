using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// This node's pool of <see cref="OutboxWorker"/>s. In the background it runs a round whenever new
/// mail is committed here or the poll interval passes; <see cref="SendDueAsync"/> runs one round on
/// demand. In a round every worker claims and sends batches in parallel until nothing is due.
/// </summary>
public sealed partial class OutboxSender : BackgroundService, IAsyncDisposable
{
    private readonly OutboxSignal _signal;
    private readonly MailTransportFactory _transports;
    private readonly MailOptions _options;
    private readonly ILogger<OutboxSender> _logger;
    private readonly RateLimiter? _rate;
    private readonly List<OutboxWorker> _workers;
    // Each worker holds a connection; rounds from the loop and from SendDueAsync take turns.
    private readonly SemaphoreSlim _round = new(1, 1);

    internal OutboxSender(IServiceScopeFactory scopes, MailTransportFactory transports, MimeMessageFactory messages, OutboxSignal signal,
        MailOptions options, TimeProvider time, ILogger<OutboxSender> logger)
    {
        _signal = signal;
        _transports = transports;
        _options = options;
        _logger = logger;
        _rate = CreateRateLimiter(options.RatePerMinute);
        var machine = Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName;
        // The process and a random part tell this run's claims from a restarted one's on the same machine.
        var node = $"{machine}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
        _workers = [.. Enumerable.Range(1, options.WorkerCount).Select(i =>
            new OutboxWorker($"{node}/{i}", scopes, transports, messages, options, time, _rate, logger))];
    }

    public int WorkerCount => _workers.Count;

    /// <summary>Sends every message that is due now, with all workers at once; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            if (_workers.Count == 1) return await _workers[0].SendDueAsync(cancellationToken);
            var sent = await Task.WhenAll(_workers.Select(w => Task.Run(() => w.SendDueAsync(cancellationToken), CancellationToken.None)));
            return sent.Sum();
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogDestination(_transports.Destination, _workers.Count);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; the messages wait in the table for the next round.
                LogRoundFailed(ex, _options.PollInterval);
            }
            await _signal.WaitAsync(_options.PollInterval, stoppingToken);
        }
    }

    /// <summary>
    /// A token bucket shared by the workers. Its period is chosen so that whole tokens add up to
    /// exactly the rate per minute, and no shorter than about 100 ms, so the timer stays cheap.
    /// </summary>
    private static TokenBucketRateLimiter? CreateRateLimiter(int perMinute)
    {
        if (perMinute <= 0) return null;
        var tokensPerPeriod = (int)Math.Ceiling(perMinute / 600.0);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerMinute * tokensPerPeriod / perMinute),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await CloseConnectionsAsync();
        _rate?.Dispose();
        Dispose();
    }

    private async Task CloseConnectionsAsync()
    {
        foreach (var worker in _workers) await worker.DisposeAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail goes to {Destination} with {Workers} workers")]
    private partial void LogDestination(string destination, int workers);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending mail from the outbox failed; trying again in {Interval}")]
    private partial void LogRoundFailed(Exception error, TimeSpan interval);
}
