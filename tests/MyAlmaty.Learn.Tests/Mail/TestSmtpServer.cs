using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>A real SMTP server on 127.0.0.1 that keeps what it receives and can be told to refuse recipients.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentQueue<ReceivedMail> _received;
    private int _sessions;

    private TestSmtpServer(int port, ConcurrentQueue<ReceivedMail> received, SmtpServerHost server)
    {
        Port = port;
        _received = received;
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }
    public IReadOnlyCollection<ReceivedMail> Received => _received;

    /// <summary>Connections opened so far.</summary>
    public int Sessions => Volatile.Read(ref _sessions);

    /// <summary>While true, every RCPT TO is answered with a refusal.</summary>
    public bool RejectRecipients { get; set; }

    /// <summary>Starts on <paramref name="port"/>, or on a free port, and returns once it listens.</summary>
    public static async Task<TestSmtpServer> StartAsync(int? port = null, ConcurrentQueue<ReceivedMail>? received = null)
    {
        port ??= FreePort();
        received ??= new ConcurrentQueue<ReceivedMail>();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port.Value)))
            .Build();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        TestSmtpServer? self = null;
        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(new Store(received));
        services.Add(new RecipientFilter(() => self?.RejectRecipients ?? false));
        self = new TestSmtpServer(port.Value, received, new SmtpServerHost(options, services));
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return self;
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Stops listening and drops every open connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            received.Enqueue(new ReceivedMail(MimeMessage.Load(stream), recipients, raw));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class RecipientFilter(Func<bool> reject) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!reject());
    }
}

/// <param name="Raw">The message as it came over the wire.</param>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> Recipients, byte[] Raw);
