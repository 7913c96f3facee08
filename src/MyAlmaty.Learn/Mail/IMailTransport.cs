using MimeKit;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// Hands messages over for delivery, or throws. A transport may hold a connection, so it is
/// not shared: each <see cref="OutboxSender"/> has its own.
/// </summary>
public interface IMailTransport : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
