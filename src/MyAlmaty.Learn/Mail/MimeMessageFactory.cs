using System.Text;
using MimeKit;
using MimeKit.Text;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// Turns an outbox row into the message that is sent. The same row always gives the same
/// message (the Date is when it was enqueued), so a resent copy is the same email.
/// </summary>
public sealed class MimeMessageFactory(MailOptions options)
{
    private readonly string _fromAddress = MailboxAddress.Parse(options.From).Address;

    public MimeMessage Create(OutboxMessage row)
    {
        var message = new MimeMessage { MessageId = row.MessageId, Subject = row.Subject };
        // A new address each time: a message's address list subscribes to its addresses' Changed event, so
        // one shared MailboxAddress would keep every message ever made (and its body) alive.
        message.From.Add(new MailboxAddress(Encoding.UTF8, options.FromName, _fromAddress));
        message.To.Add(new MailboxAddress(Encoding.UTF8, row.ToName ?? "", row.To));
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedUtc, DateTimeKind.Utc));
        foreach (var (name, value) in OutboxPayload.ReadHeaders(row.Headers))
        {
            message.Headers.Add(name, Encoding.UTF8, value);
        }
        message.Body = CreateBody(row, OutboxPayload.ReadParts(row.Parts));
        // MimeKit keeps a message's Content-* headers on its body; written out, they head the message.
        message.Body.Headers.Add(HeaderId.ContentLanguage, row.Culture);
        return message;
    }

    private static MimeEntity CreateBody(OutboxMessage row, IReadOnlyList<MailPart> parts)
    {
        // Least faithful first: mail programs show the last alternative they understand.
        var alternative = new MultipartAlternative { Text(TextFormat.Plain, row.TextBody), Text(TextFormat.Html, row.HtmlBody) };
        foreach (var part in parts.Where(p => p.Placement == MailPartPlacement.Alternative))
        {
            alternative.Add(CreatePart(part));
        }
        var attachments = parts.Where(p => p.Placement == MailPartPlacement.Attachment).ToList();
        if (attachments.Count == 0) return alternative;

        var mixed = new Multipart("mixed") { alternative };
        foreach (var attachment in attachments) mixed.Add(CreatePart(attachment));
        return mixed;
    }

    private static TextPart Text(TextFormat format, string text)
    {
        var part = new TextPart(format);
        part.SetText(Encoding.UTF8, text);
        return part;
    }

    private static MimePart CreatePart(MailPart part)
    {
        var contentType = ContentType.Parse(part.ContentType);
        byte[] bytes;
        if (part.Text is not null)
        {
            bytes = Encoding.UTF8.GetBytes(part.Text);
            if (contentType.MediaType.Equals("text", StringComparison.OrdinalIgnoreCase)) contentType.Charset ??= "utf-8";
        }
        else
        {
            bytes = part.Content ?? [];
        }
        var mime = new MimePart(contentType) { Content = new MimeContent(new MemoryStream(bytes, writable: false)) };
        if (part.Placement == MailPartPlacement.Attachment)
        {
            mime.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment);
            mime.FileName = part.FileName;
            if (part.Text is null) mime.ContentTransferEncoding = ContentEncoding.Base64;
        }
        return mime;
    }
}
