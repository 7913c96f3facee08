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

    [Fact]
    public async Task A_caller_chosen_Message_ID_gets_the_senders_domain_and_arrives_as_chosen()
    {
        await using var mail = await MailServices.CreateAsync();

        var row = await mail.EnqueueAsync(MailServices.Mail() with { MessageId = "invitation-42-r3" });
        await mail.Sender.SendDueAsync(CancellationToken.None);

        Assert.Equal("invitation-42-r3@myalmaty.local", row.MessageId);
        Assert.True(File.Exists(Path.Combine(mail.PickupDirectory, "invitation-42-r3@myalmaty.local.eml")));
    }

    [Fact]
    public async Task Enqueuing_a_chosen_Message_ID_a_second_time_fails_naming_the_id_whether_saved_or_in_the_same_save()
    {
        await using var mail = await MailServices.CreateAsync();
        await mail.EnqueueAsync(MailServices.Mail() with { MessageId = "invitation-42-r3" });

        var again = await Assert.ThrowsAsync<DuplicateMessageIdException>(() => mail.EnqueueAsync(MailServices.Mail() with { MessageId = "invitation-42-r3" }));
        var twiceInOne = await Assert.ThrowsAsync<DuplicateMessageIdException>(() => mail.WithDbAsync((db, outbox) =>
        {
            outbox.Enqueue(db, MailServices.Mail() with { MessageId = "invitation-43-r1" });
            return Task.FromResult(outbox.Enqueue(db, MailServices.Mail() with { MessageId = "invitation-43-r1" }));
        }));

        Assert.Contains("<invitation-42-r3@myalmaty.local> is already in the outbox", again.Message);
        Assert.Equal("invitation-43-r1@myalmaty.local", twiceInOne.MessageId);
        Assert.Single(await mail.RowsAsync());
        // The next revision is another message.
        await mail.EnqueueAsync(MailServices.Mail() with { MessageId = "invitation-42-r4" });
    }

    [Theory]
    [InlineData("invitation 42")]
    [InlineData("invitation-42@elsewhere.kz")]
    [InlineData("<invitation-42>")]
    [InlineData("приглашение-42")]
    [InlineData("")]
    public async Task A_chosen_Message_ID_with_other_characters_or_too_long_is_refused(string localPart)
    {
        await using var mail = await MailServices.CreateAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => mail.EnqueueAsync(MailServices.Mail() with { MessageId = localPart }));
        var tooLong = await Assert.ThrowsAsync<ArgumentException>(() => mail.EnqueueAsync(MailServices.Mail() with { MessageId = new string('a', 151) }));

        Assert.Contains("may hold only letters, digits, '.', '_' and '-', at most 150", error.Message);
        Assert.Contains("at most 150", tooLong.Message);
        await mail.EnqueueAsync(MailServices.Mail() with { MessageId = new string('a', 150) });
    }
}
