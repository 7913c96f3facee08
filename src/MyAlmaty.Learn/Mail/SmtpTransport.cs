using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// Sends through one MailKit <see cref="SmtpClient"/>, connected on the first message and kept
/// for the next ones. Not thread-safe, like the client itself: one per sender.
/// </summary>
public sealed class SmtpTransport(SmtpOptions options) : IMailTransport
{
    private readonly SmtpClient _client = new();
    private Socket? _socket;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var reusing = _client.IsConnected;
        try
        {
            await SendOnceAsync(message, cancellationToken);
        }
        catch (Exception ex) when (reusing && (IsConnectionLost(ex) || IsClosing(ex)))
        {
            // Servers close idle connections, or end a long session with «421 closing»; the one
            // kept from earlier messages may be gone. Neither means the message was accepted, so it
            // is tried once more on a new connection. A new connection refused the same way is a
            // temporary failure, for the back-off.
            await SendOnceAsync(message, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _client.DisconnectAsync(quit: true, timeout.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or MailKit.ProtocolException)
            {
            }
        }
        _client.Dispose();
        _socket?.Dispose();
    }

    private async Task SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            if (!_client.IsConnected) await ConnectAsync(cancellationToken);
            await _client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not SmtpCommandException || IsClosing(ex))
        {
            // A refused command leaves the session usable, unless the server said it is closing it;
            // anything else (a timeout, a lost connection) leaves it in an unknown state.
            await DropConnectionAsync();
            throw;
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        _socket?.Dispose();
        // Our own socket, because MailKit leaves Nagle's algorithm on, and with it a connection
        // that sends message after message waits for delayed ACKs (about 20 messages/s on loopback).
        _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await _socket.ConnectAsync(options.Host, options.Port, cancellationToken);
        await _client.ConnectAsync(_socket, options.Host, options.Port, ToMailKit(options.Security), cancellationToken);
        if (!string.IsNullOrEmpty(options.UserName))
        {
            await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
        }
    }

    private async Task DropConnectionAsync()
    {
        try
        {
            if (_client.IsConnected) await _client.DisconnectAsync(quit: false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or MailKit.ProtocolException)
        {
        }
        _socket?.Dispose();
        _socket = null;
    }

    private static bool IsConnectionLost(Exception ex) =>
        ex is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException;

    private static bool IsClosing(Exception ex) =>
        ex is SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

    private static SecureSocketOptions ToMailKit(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
