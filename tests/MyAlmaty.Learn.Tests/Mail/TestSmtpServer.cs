using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps what it receives and can be told to refuse recipients
/// (for now or for good), to end sessions with «421 closing», and to take its time over each message.
/// </summary>
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

    /// <summary>The reply to RCPT TO for an address: null accepts it, 450 refuses it for now, 550 for good.</summary>
    public Func<string, int?> Refusal { get; set; } = _ => null;

    /// <summary>After this many messages in one session, the next MAIL FROM gets «421 closing» and the connection is closed.</summary>
    public int? MessagesPerSession { get; set; }

    /// <summary>How long the server takes to store each message before it answers 250.</summary>
    public TimeSpan DelayPerMessage { get; set; }

    /// <summary>The most messages that were being stored at the same moment, over all sessions.</summary>
    public int MostMessagesAtOnce => Volatile.Read(ref _mostAtOnce);

    private int _atOnce;
    private int _mostAtOnce;

    private void Storing(int change)
    {
        var now = Interlocked.Add(ref _atOnce, change);
        int most;
        while (now > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most)
        {
        }
    }

    public void RefuseEveryRecipient(int code) => Refusal = _ => code;

    public void AcceptEveryRecipient() => Refusal = _ => null;

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
        var listeners = new NoDelayListenerFactory(listening);
        TestSmtpServer? self = null;
        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(new Store(received, () => self!));
        services.Add(new Filter(() => self!));
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

    /// <summary>
    /// Accepts connections with Nagle's algorithm off, as a production server would: the package's
    /// own listener leaves it on, and then each pair of small replies waits for a delayed ACK (some
    /// 40 ms a message), which would make the server, not the sender, the limit.
    /// </summary>
    private sealed class NoDelayListenerFactory(TaskCompletionSource listening) : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpoint)
        {
            var listener = new TcpListener(endpoint.Endpoint);
            listener.Start();
            listening.TrySetResult();
            return new NoDelayListener(listener);
        }
    }

    private sealed class NoDelayListener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new PlainPipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    /// <summary>The connection as the server reads and writes it; no TLS in these tests.</summary>
    private sealed class PlainPipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();

        public PipeReader Input => field ??= PipeReader.Create(_stream);
        public PipeWriter Output => field ??= PipeWriter.Create(_stream);
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The test server speaks no TLS.");

        public void Dispose() => client.Dispose();
    }

    private const string MessagesInSession = "messages-in-session";

    private sealed class Store(ConcurrentQueue<ReceivedMail> received, Func<TestSmtpServer> server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            server().Storing(+1);
            try
            {
                if (server().DelayPerMessage is { Ticks: > 0 } wait) await Task.Delay(wait, cancellationToken);
            }
            finally
            {
                server().Storing(-1);
            }
            using var stream = new MemoryStream(raw);
            var recipients = transaction.To.Select(m => $"{m.User}@{m.Host}").ToList();
            received.Enqueue(new ReceivedMail(MimeMessage.Load(stream), recipients, raw));
            context.Properties[MessagesInSession] = (context.Properties.TryGetValue(MessagesInSession, out var count) ? (int)count : 0) + 1;
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(Func<TestSmtpServer> server) : MailboxFilter
    {
        public override Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken)
        {
            var sent = context.Properties.TryGetValue(MessagesInSession, out var count) ? (int)count : 0;
            if (server().MessagesPerSession is { } limit && sent >= limit)
            {
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)421, "4.7.0 Too many messages, closing connection"), quit: true);
            }
            return Task.FromResult(true);
        }

        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var refusal = server().Refusal($"{to.User}@{to.Host}");
            return refusal switch
            {
                null => Task.FromResult(true),
                < 500 => throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)refusal.Value, "4.2.1 Mailbox busy, try again later")),
                _ => throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)refusal.Value, "5.1.1 No such mailbox here")),
            };
        }
    }
}

/// <param name="Raw">The message as it came over the wire.</param>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> Recipients, byte[] Raw);
