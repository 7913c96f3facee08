using MailKit.Net.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// Sends what is due in the outbox: claims a batch, sends each message, marks it sent or
/// schedules another attempt. Runs in the background, woken by new mail or by the poll interval;
/// <see cref="SendDueAsync"/> does one round on demand.
/// </summary>
public sealed partial class OutboxSender : BackgroundService, IAsyncDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly MailTransportFactory _transports;
    private readonly MimeMessageFactory _messages;
    private readonly OutboxSignal _signal;
    private readonly MailOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxSender> _logger;
    private readonly string _worker;
    // The transport holds one connection; rounds from the loop and from SendDueAsync take turns.
    private readonly SemaphoreSlim _round = new(1, 1);
    private IMailTransport? _transport;
    private long _batches;

    internal OutboxSender(IServiceScopeFactory scopes, MailTransportFactory transports, MimeMessageFactory messages, OutboxSignal signal,
        MailOptions options, TimeProvider time, ILogger<OutboxSender> logger)
    {
        _scopes = scopes;
        _transports = transports;
        _messages = messages;
        _signal = signal;
        _options = options;
        _time = time;
        _logger = logger;
        var machine = Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName;
        _worker = $"{machine}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <summary>Sends every message that is due now; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await _round.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            while (true)
            {
                var (claimed, sentNow) = await SendBatchAsync(cancellationToken);
                sent += sentNow;
                if (claimed < _options.BatchSize) return sent;
            }
        }
        finally
        {
            _round.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogDestination(_transports.Destination);
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

    private async Task<(int Claimed, int Sent)> SendBatchAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claim = $"{_worker}#{++_batches}";
        var claimedUntil = now + _options.ClaimDuration;
        // A send may take up to the SMTP timeout; none starts once less than half the claim remains,
        // so the claim cannot run out (and another sender take the message) while it is going out.
        var lastStart = now + _options.ClaimDuration / 2;

        await using var scope = _scopes.CreateAsyncScope();
        var store = new OutboxStore(scope.ServiceProvider.GetRequiredService<LearnDbContext>());
        var batch = await store.ClaimAsync(claim, _options.BatchSize, now, claimedUntil, cancellationToken);
        var sent = 0;
        foreach (var message in batch)
        {
            if (cancellationToken.IsCancellationRequested || _time.GetUtcNow().UtcDateTime > lastStart)
            {
                await store.ReleaseAsync(claim);
                cancellationToken.ThrowIfCancellationRequested();
                return (0, sent);
            }
            if (await SendOneAsync(store, claim, message, cancellationToken)) sent++;
        }
        return (batch.Count, sent);
    }

    private async Task<bool> SendOneAsync(OutboxStore store, string claim, OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            _transport ??= _transports.Create();
            await _transport.SendAsync(_messages.Create(message), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.ReleaseAsync(claim);
            throw;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(store, message, ex);
            return false;
        }
        // Recorded even when shutting down: the message has left.
        await store.MarkSentAsync(message.Id, _time.GetUtcNow().UtcDateTime);
        return true;
    }

    private async Task RecordFailureAsync(OutboxStore store, OutboxMessage message, Exception error)
    {
        var attempts = message.Attempts + 1;
        var giveUp = attempts >= _options.MaxAttempts;
        DateTime? next = giveUp ? null : _time.GetUtcNow().UtcDateTime + _options.RetryDelayAfter(attempts);
        await store.MarkFailedAsync(message.Id, attempts, Describe(error), next);
        if (giveUp) LogGaveUp(error, message.MessageId, attempts);
        else LogAttemptFailed(message.MessageId, attempts, next!.Value, error.Message);
    }

    private static string Describe(Exception error)
    {
        var text = error is SmtpCommandException smtp
            ? $"{(int)smtp.StatusCode} {smtp.ErrorCode}: {smtp.Message}"
            : $"{error.GetType().Name}: {error.Message}";
        return text.Length <= OutboxMessageConfiguration.MaxErrorLength ? text : text[..OutboxMessageConfiguration.MaxErrorLength];
    }

    public async ValueTask DisposeAsync()
    {
        if (_transport is not null) await _transport.DisposeAsync();
        _transport = null;
        Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail goes to {Destination}")]
    private partial void LogDestination(string destination);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending mail from the outbox failed; trying again in {Interval}")]
    private partial void LogRoundFailed(Exception error, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed on attempt {Attempts}; next attempt at {NextAttemptUtc:u}: {Error}")]
    private partial void LogAttemptFailed(string messageId, int attempts, DateTime nextAttemptUtc, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} was not sent after {Attempts} attempts; it stays in the outbox with its last error")]
    private partial void LogGaveUp(Exception error, string messageId, int attempts);
}
