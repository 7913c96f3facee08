using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace MailBench;

/// <summary>
/// The receiving end: the SmtpServer package on 127.0.0.1 in this process, counting messages and
/// bytes without parsing them, and with Nagle's algorithm off like a production server.
/// </summary>
internal sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private long _messages;
    private long _bytes;

    private LoopbackSmtpServer(int port, SmtpServerHost server)
    {
        Port = port;
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    private int _sessions;
    public int Port { get; }
    public long Messages => Interlocked.Read(ref _messages);
    public long Bytes => Interlocked.Read(ref _bytes);
    public int Sessions => Volatile.Read(ref _sessions);

    public static async Task<LoopbackSmtpServer> StartAsync(int? chosenPort = null)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = chosenPort ?? ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        LoopbackSmtpServer? self = null;
        var services = new SmtpServiceProvider();
        services.Add(new Listeners(listening));
        services.Add(new Counter(() => self!));
        self = new LoopbackSmtpServer(port, new SmtpServerHost(options, services));
        await listening.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return self;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(10)); } catch (OperationCanceledException) { }
    }

    private sealed class Counter(Func<LoopbackSmtpServer> server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref server()._bytes, buffer.Length);
            Interlocked.Increment(ref server()._messages);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }

    private sealed class Listeners(TaskCompletionSource listening) : IEndpointListenerFactory
    {
        public IEndpointListener CreateListener(IEndpointDefinition endpoint)
        {
            var listener = new TcpListener(endpoint.Endpoint);
            listener.Start(512);
            listening.TrySetResult();
            return new Listener(listener);
        }
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var client = await listener.AcceptTcpClientAsync(cancellationToken);
            client.NoDelay = true;
            context.Properties[EndpointListener.LocalEndPointKey] = client.Client.LocalEndPoint!;
            context.Properties[EndpointListener.RemoteEndPointKey] = client.Client.RemoteEndPoint!;
            return new Pipe(client);
        }

        public void Dispose() => listener.Stop();
    }

    private sealed class Pipe(TcpClient client) : ISecurableDuplexPipe
    {
        private readonly NetworkStream _stream = client.GetStream();
        public PipeReader Input => field ??= PipeReader.Create(_stream);
        public PipeWriter Output => field ??= PipeWriter.Create(_stream);
        public bool IsSecure => false;
        public SslProtocols SslProtocol => SslProtocols.None;
        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) => throw new NotSupportedException();
        public void Dispose() => client.Dispose();
    }
}
