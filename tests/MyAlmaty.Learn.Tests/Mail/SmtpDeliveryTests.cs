using System.Text;
using MimeKit;
using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>Delivery to a real SMTP server on loopback.</summary>
public sealed class SmtpDeliveryTests
{
    private const string Invitation = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//MyAlmaty//Learn//KK\r\nMETHOD:REQUEST\r\n"
        + "BEGIN:VEVENT\r\nUID:workshop-42@myalmaty.local\r\nDTSTAMP:20261125T090000Z\r\nDTSTART:20261128T050000Z\r\n"
        + "SUMMARY:Семинар: бастамалар\r\nORGANIZER:mailto:noreply@myalmaty.local\r\n"
        + "ATTENDEE;RSVP=TRUE:mailto:aigerim@example.kz\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

    [Fact]
    public async Task A_message_reaches_the_SMTP_server_with_its_recipient_subject_and_both_bodies()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));
        var row = await mail.EnqueueAsync(MailServices.Mail(subject: "Семинар: бастамалар туралы — о инициативах"));

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));

        var received = Assert.Single(smtp.Received);
        Assert.Equal(["aigerim@example.kz"], received.Recipients);
        Assert.Equal("Семинар: бастамалар туралы — о инициативах", received.Message.Subject);
        Assert.Equal(row.MessageId, received.Message.MessageId);
        Assert.Equal("Сәлеметсіз бе! Семинар сенбіде.", received.Message.TextBody);
        Assert.Contains("<b>сенбіде</b>", received.Message.HtmlBody);
    }

    [Fact]
    public async Task With_one_worker_many_messages_go_through_one_connection()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => (o.BatchSize, o.Workers) = (4, 1)));
        for (var i = 0; i < 10; i++) await mail.EnqueueAsync(MailServices.Mail($"learner{i}@example.kz"));

        Assert.Equal(10, await mail.Sender.SendDueAsync(CancellationToken.None));

        Assert.Equal(10, smtp.Received.Count);
        Assert.Equal(1, smtp.Sessions);
    }

    [Fact]
    public async Task After_the_server_drops_the_kept_connection_the_next_message_still_goes_out_on_its_first_attempt()
    {
        var port = TestSmtpServer.FreePort();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(port));
        await using (var first = await TestSmtpServer.StartAsync(port))
        {
            await mail.EnqueueAsync(MailServices.Mail("first@example.kz"));
            Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));
        }
        await using var restarted = await TestSmtpServer.StartAsync(port);
        var second = await mail.EnqueueAsync(MailServices.Mail("second@example.kz"));

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));

        Assert.Equal(["second@example.kz"], restarted.Received.SelectMany(r => r.Recipients));
        Assert.Equal(1, (await mail.RowAsync(second.Id)).Attempts);
    }

    [Fact]
    public async Task A_calendar_invitation_arrives_as_text_calendar_with_method_REQUEST_beside_an_ics_attachment()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));
        await mail.EnqueueAsync(MailServices.Mail() with
        {
            Parts =
            [
                MailPart.Alternative("text/calendar; method=REQUEST; charset=UTF-8", Invitation),
                MailPart.Attachment("invite.ics", "application/ics", Invitation),
            ],
        });

        await mail.Sender.SendDueAsync(CancellationToken.None);

        var message = Assert.Single(smtp.Received).Message;
        var mixed = Assert.IsType<Multipart>(message.Body, exactMatch: false);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));
        var calendar = Assert.IsType<TextPart>(alternative[2]);
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Equal("utf-8", calendar.ContentType.Charset, ignoreCase: true);
        // As sent: iCalendar lines end in CRLF, which TextPart.Text would turn into this system's newline.
        using var content = new MemoryStream();
        calendar.Content!.DecodeTo(content);
        Assert.Equal(Invitation, Encoding.UTF8.GetString(content.ToArray()));
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments), exactMatch: false);
        Assert.Equal(("invite.ics", "application/ics"), (attachment.FileName, attachment.ContentType.MimeType));
    }
}
