using System.Threading.Channels;

namespace MyAlmaty.Learn.Data;

/// <summary>
/// Wakes a background worker of this process when work was queued here; other nodes find it by polling.
/// Each queue has its own subclass, so that each worker gets its own signal.
/// </summary>
public abstract class WakeUpSignal
{
    // One pending wake-up is enough: the worker takes everything that is due when it wakes.
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
