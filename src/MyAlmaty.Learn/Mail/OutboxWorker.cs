using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// One of a node's sending workers: claims batches from the outbox on its own and sends them
/// through its own transport, a connection kept for <see cref="MailOptions.MessagesPerConnection"/>
/// messages. Not thread-safe: the <see cref="OutboxSender"/> runs each worker on one task at a time.
/// </summary>
/// <remarks>
/// What "exactly once" means here. SMTP has no two-phase commit: between the server's «250 OK» and
/// our UPDATE that records it there is a moment in which a crash loses the knowledge that the
/// message left. So: every message is marked in flight (<see cref="OutboxMessage.AttemptStartedUtc"/>)
/// just before it is handed over and marked sent right after the server accepts it, one message
/// at a time. After a crash, a message is sent again only if it was in flight, which is at most one
/// per worker, and the copy carries the same Message-ID, so receivers can recognise it. Nothing is
/// lost: a claim of a dead process runs out after <see cref="MailOptions.ClaimDuration"/> and
/// another worker takes its messages.
/// </remarks>
internal sealed partial class OutboxWorker(
    string name,
    IServiceScopeFactory scopes,
    MailTransportFactory transports,
    MimeMessageFactory messages,
    MailOptions options,
    TimeProvider time,
    RateLimiter? rate,
    ILogger logger) : IAsyncDisposable
{
    private readonly DkimMessageSigner? _signer = options.Dkim.Enabled ? new DkimMessageSigner(options.Dkim) : null;
    private IMailTransport? _transport;
    private int _sentOnConnection;
    private long _batches;

    public string Name => name;

    /// <summary>Sends batch after batch until nothing is due; returns how many messages were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        while (true)
        {
            var (claimed, sentNow) = await SendBatchAsync(cancellationToken);
            sent += sentNow;
            if (claimed < options.BatchSize) return sent;
        }
    }

    private async Task<(int Claimed, int Sent)> SendBatchAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claim = $"{name}#{++_batches}";
        await using var scope = scopes.CreateAsyncScope();
        var store = new OutboxStore(scope.ServiceProvider.GetRequiredService<LearnDbContext>());
        var batch = await store.ClaimAsync(claim, options.BatchSize, now, now + options.ClaimDuration, cancellationToken);
        var sent = 0;
        foreach (var message in batch)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                await store.ReleaseAsync(claim);
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (rate is not null)
            {
                using var permit = await rate.AcquireAsync(1, cancellationToken);
            }
            var started = time.GetUtcNow().UtcDateTime;
            // Lost claims are skipped: the message is another worker's now.
            if (!await store.StartAttemptAsync(message.Id, claim, started, started + options.ClaimDuration)) continue;
            if (await SendOneAsync(store, scope.ServiceProvider, message)) sent++;
        }
        return (batch.Count, sent);
    }

    private async Task<bool> SendOneAsync(OutboxStore store, IServiceProvider services, OutboxMessage message)
    {
        // Not the caller's token: a stopping host lets the message in hand finish, so that a
        // graceful stop leaves nothing in flight. The deadline keeps the send well inside the
        // claim that StartAttemptAsync just renewed.
        using var deadline = new CancellationTokenSource(options.ClaimDuration / 2);
        try
        {
            await RecycleConnectionIfDueAsync();
            var mime = messages.Create(message);
            _signer?.Sign(mime);
            _transport ??= transports.Create();
            await _transport.SendAsync(mime, deadline.Token);
            _sentOnConnection++;
        }
        catch (Exception ex)
        {
            await RecordFailureAsync(store, services, message, ex);
            return false;
        }
        await store.MarkSentAsync(message.Id, time.GetUtcNow().UtcDateTime);
        return true;
    }

    private async Task RecycleConnectionIfDueAsync()
    {
        if (_transport is null || _sentOnConnection < options.MessagesPerConnection) return;
        await _transport.DisposeAsync();
        _transport = null;
        _sentOnConnection = 0;
    }

    private async Task RecordFailureAsync(OutboxStore store, IServiceProvider services, OutboxMessage message, Exception error)
    {
        var failure = SendFailure.Of(error);
        var attempts = message.Attempts + 1;
        var now = time.GetUtcNow().UtcDateTime;
        if (failure.Permanent || attempts >= options.MaxAttempts)
        {
            Action<LearnDbContext>? suppress = failure.SuppressRecipient
                ? db => services.GetRequiredService<MailSuppressions>().Suppress(db, message.To, SuppressionReason.Bounced)
                : null;
            await store.MarkFailedAsync(message.Id, failure.Error, now, suppress);
            LogGaveUp(error, message.MessageId, attempts, failure.Permanent);
            return;
        }
        var next = now + options.JitteredRetryDelayAfter(attempts, Random.Shared);
        await store.MarkRetryAsync(message.Id, failure.Error, next);
        LogAttemptFailed(message.MessageId, attempts, next, failure.Error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transport is not null) await _transport.DisposeAsync();
        _transport = null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed on attempt {Attempts}; next attempt at {NextAttemptUtc:u}: {Error}")]
    private partial void LogAttemptFailed(string messageId, int attempts, DateTime nextAttemptUtc, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} was given up after {Attempts} attempts (refused for good: {Permanent}); it stays in the outbox with its last error")]
    private partial void LogGaveUp(Exception error, string messageId, int attempts, bool permanent);
}
