using Microsoft.EntityFrameworkCore;
using MimeKit;
using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>The embedded default: each message becomes an .eml file in the pickup folder.</summary>
public sealed class PickupDeliveryTests
{
    private const string Subject = "Азаматтық белсенділік: семинарға шақыру — Приглашение на семинар";

    [Fact]
    public async Task A_message_becomes_a_readable_eml_with_text_and_html_parts_and_a_Kazakh_and_Russian_subject()
    {
        await using var mail = await MailServices.CreateAsync();
        var row = await mail.EnqueueAsync(MailServices.Mail(subject: Subject));

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));

        var file = Path.Combine(mail.PickupDirectory, row.MessageId + ".eml");
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(Subject, message.Subject);
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal("Сәлеметсіз бе! Семинар сенбіде.", message.TextBody);
        Assert.Contains("Семинар <b>сенбіде</b>", message.HtmlBody);
        Assert.Equal("multipart/alternative", message.Body?.ContentType.MimeType);
        Assert.Equal(("МыАлматы", "noreply@myalmaty.local"), (message.From.Mailboxes.Single().Name, message.From.Mailboxes.Single().Address));
        Assert.Equal(("Айгерім Сәрсенова", "aigerim@example.kz"), (message.To.Mailboxes.Single().Name, message.To.Mailboxes.Single().Address));
        Assert.Equal("kk", message.Body?.Headers[HeaderId.ContentLanguage]);
        Assert.All(message.BodyParts.OfType<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset, ignoreCase: true));
        // Written for any mail program: UTF-8 travels encoded, the file itself is plain ASCII.
        Assert.All(await File.ReadAllBytesAsync(file), b => Assert.True(b < 128));
    }

    [Fact]
    public async Task Sending_the_same_message_again_after_a_crash_overwrites_its_file_instead_of_adding_one()
    {
        await using var mail = await MailServices.CreateAsync();
        var row = await mail.EnqueueAsync(MailServices.Mail());
        await mail.Sender.SendDueAsync(CancellationToken.None);
        // As if the sender died after writing the file and before marking the row.
        await mail.WithDbAsync((db, _) => db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.SentUtc, (DateTime?)null)
            .SetProperty(m => m.NextAttemptUtc, mail.Clock.UtcNow)));

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));

        Assert.Equal([row.MessageId + ".eml"], Directory.GetFiles(mail.PickupDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task The_pickup_folder_is_under_the_data_folder_unless_configured_absolute()
    {
        await using var relative = await MailServices.CreateAsync();
        var absolute = Path.Combine(Path.GetTempPath(), "myalmaty-tests", "pickup-" + Guid.NewGuid().ToString("N"));
        await using var configured = await MailServices.CreateAsync(new MailOptions { PickupPath = absolute });

        Assert.Equal(Path.Combine(relative.Folder, "mail-pickup"), relative.PickupDirectory);
        Assert.Equal(absolute, configured.PickupDirectory);
    }

    [Fact]
    public async Task Extra_headers_such_as_one_click_unsubscribe_arrive_as_written()
    {
        await using var mail = await MailServices.CreateAsync();
        var row = await mail.EnqueueAsync(MailServices.Mail() with
        {
            Headers = new Dictionary<string, string>
            {
                ["List-Unsubscribe"] = "<https://myalmaty.local/kk/unsubscribe/3f2a9c>",
                ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
            },
        });

        await mail.Sender.SendDueAsync(CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Path.Combine(mail.PickupDirectory, row.MessageId + ".eml"));
        Assert.Equal("<https://myalmaty.local/kk/unsubscribe/3f2a9c>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }
}
