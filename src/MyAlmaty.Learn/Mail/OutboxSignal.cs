using System.Threading.Channels;

namespace MyAlmaty.Learn.Mail;

/// <summary>Wakes this process's sender when a message was enqueued here; other nodes find it by polling.</summary>
internal sealed class OutboxSignal
{
    // One pending wake-up is enough: the sender takes everything that is due when it wakes.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(timeout);
        try
        {
            await _channel.Reader.WaitToReadAsync(waiting.Token);
            _channel.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
