using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>What the outbox refuses, with a reason, before anything is saved.</summary>
public sealed class MailOutboxTests
{
    public static TheoryData<string, OutgoingMail> BadMail() => new()
    {
        { "is not an email address", MailServices.Mail("aigerim.example.kz") },
        { "subject is empty", MailServices.Mail(subject: " ") },
        { "too long", MailServices.Mail(subject: new string('ә', 501)) },
        { "must be one line", MailServices.Mail(subject: "Семинар\r\nBcc: everyone@example.kz") },
        { "text body is empty", MailServices.Mail() with { Text = "" } },
        { "set by the outbox itself", MailServices.Mail() with { Headers = new Dictionary<string, string> { ["Subject"] = "другая тема" } } },
        { "cannot be parsed", MailServices.Mail() with { Parts = [MailPart.Alternative("calendar", "BEGIN:VCALENDAR")] } },
        { "has no file name", MailServices.Mail() with { Parts = [new MailPart("application/ics", MailPartPlacement.Attachment, Text: "BEGIN:VCALENDAR")] } },
    };

    [Theory]
    [MemberData(nameof(BadMail))]
    public async Task Mail_that_cannot_be_sent_is_refused_with_the_reason(string reason, OutgoingMail bad)
    {
        await using var mail = await MailServices.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => mail.EnqueueAsync(bad));

        Assert.Contains(reason, error.Message);
        Assert.Empty(await mail.RowsAsync());
    }

    [Fact]
    public async Task Each_message_gets_its_own_Message_ID_in_the_senders_domain()
    {
        await using var mail = await MailServices.CreateAsync();

        var first = await mail.EnqueueAsync(MailServices.Mail());
        var second = await mail.EnqueueAsync(MailServices.Mail());

        Assert.NotEqual(first.MessageId, second.MessageId);
        Assert.EndsWith("@myalmaty.local", first.MessageId);
    }
}
