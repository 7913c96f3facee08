using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>Each message leaves once: with several senders, after failures and after a crash.</summary>
public sealed class OutboxSenderTests
{
    [Fact]
    public async Task Two_senders_on_the_same_database_running_at_once_deliver_each_message_exactly_once()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        var options = MailServices.Smtp(smtp.Port, o => o.BatchSize = 5);
        await using var nodeA = await MailServices.CreateAsync(options);
        await using var nodeB = await MailServices.CreateAsync(options, nodeA.Folder, nodeA.Clock);
        for (var i = 0; i < 40; i++) await nodeA.EnqueueAsync(MailServices.Mail($"learner{i}@example.kz"));

        var sent = await Task.WhenAll(
            Task.Run(() => nodeA.Sender.SendDueAsync(CancellationToken.None)),
            Task.Run(() => nodeB.Sender.SendDueAsync(CancellationToken.None)));

        var rows = await nodeA.RowsAsync();
        Assert.Equal(40, sent.Sum());
        Assert.Equal(40, smtp.Received.Count);
        Assert.Equal(rows.Select(r => r.MessageId).Order(), smtp.Received.Select(r => r.Message.MessageId).Order());
        Assert.All(rows, r => Assert.Equal((1, true), (r.Attempts, r.SentUtc is not null)));
    }

    [Fact]
    public async Task A_recipient_refused_for_now_with_450_is_retried_later_and_sent_once_the_server_accepts()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.RefuseEveryRecipient(450);
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));
        var message = await mail.EnqueueAsync(MailServices.Mail());

        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));

        var failed = await mail.RowAsync(message.Id);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentUtc);
        Assert.Null(failed.FailedUtc);
        Assert.StartsWith("450 RecipientNotAccepted", failed.LastError);
        Assert.True(failed.NextAttemptUtc > mail.Clock.UtcNow);
        Assert.Empty(smtp.Received);

        smtp.AcceptEveryRecipient();
        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));
        mail.Clock.Advance(mail.Options.RetryDelay * 1.25);
        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));

        var sent = await mail.RowAsync(message.Id);
        Assert.Equal((2, true), (sent.Attempts, sent.SentUtc is not null));
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task With_nothing_listening_the_message_waits_and_goes_out_once_the_server_is_up()
    {
        var port = TestSmtpServer.FreePort();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(port, o => o.RetryJitter = 0));
        var message = await mail.EnqueueAsync(MailServices.Mail());

        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));

        var failed = await mail.RowAsync(message.Id);
        Assert.Equal(1, failed.Attempts);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.Equal(mail.Clock.UtcNow + mail.Options.RetryDelay, failed.NextAttemptUtc);

        await using var smtp = await TestSmtpServer.StartAsync(port);
        mail.Clock.Advance(mail.Options.RetryDelay);
        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));
        Assert.Single(smtp.Received);
        Assert.NotNull((await mail.RowAsync(message.Id)).SentUtc);
    }

    [Fact]
    public async Task Without_jitter_waits_double_after_each_failure_and_the_sender_gives_up_after_MaxAttempts_keeping_the_last_error()
    {
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(TestSmtpServer.FreePort(), o => (o.MaxAttempts, o.RetryJitter) = (3, 0)));
        var message = await mail.EnqueueAsync(MailServices.Mail());

        var waits = new List<TimeSpan?>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await mail.Sender.SendDueAsync(CancellationToken.None);
            var row = await mail.RowAsync(message.Id);
            waits.Add(row.NextAttemptUtc - mail.Clock.UtcNow);
            if (row.NextAttemptUtc is { } next) mail.Clock.Advance(next - mail.Clock.UtcNow);
        }
        mail.Clock.Advance(TimeSpan.FromDays(1));
        await mail.Sender.SendDueAsync(CancellationToken.None);

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), null], waits);
        var given = await mail.RowAsync(message.Id);
        Assert.Equal(3, given.Attempts);
        Assert.Null(given.SentUtc);
        Assert.Null(given.NextAttemptUtc);
        Assert.Equal(mail.Clock.UtcNow - TimeSpan.FromDays(1), given.FailedUtc);
        Assert.False(string.IsNullOrWhiteSpace(given.LastError));
    }

    [Fact]
    public async Task A_message_claimed_by_a_sender_that_crashed_is_sent_once_its_claim_runs_out_and_a_live_claim_is_respected()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));
        var crashed = await mail.EnqueueAsync(MailServices.Mail("crashed@example.kz"));
        var live = await mail.EnqueueAsync(MailServices.Mail("live@example.kz"));
        var now = mail.Clock.UtcNow;
        await Claim(mail, crashed.Id, "web-2:4711:dead#1", now.AddMinutes(-1));
        await Claim(mail, live.Id, "web-3:815:busy#7", now.AddMinutes(4));

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(["crashed@example.kz"], smtp.Received.SelectMany(r => r.Recipients));

        mail.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(["crashed@example.kz", "live@example.kz"], smtp.Received.SelectMany(r => r.Recipients));
        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));
    }

    private static Task<int> Claim(MailServices mail, long id, string claimedBy, DateTime until) =>
        mail.WithDbAsync((db, _) => db.Set<OutboxMessage>().Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedBy, claimedBy)
            .SetProperty(m => m.ClaimedUntilUtc, until)));
}
