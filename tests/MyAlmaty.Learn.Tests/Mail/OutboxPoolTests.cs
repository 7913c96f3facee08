using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>A node sends with several workers at once, each on its own connection, within the rate it is allowed.</summary>
public sealed class OutboxPoolTests
{
    [Fact]
    public async Task Four_workers_by_default_for_SMTP_and_one_for_the_pickup_folder()
    {
        await using var smtp = await MailServices.CreateAsync(MailServices.Smtp(TestSmtpServer.FreePort()));
        await using var pickup = await MailServices.CreateAsync();
        await using var configured = await MailServices.CreateAsync(MailServices.Smtp(TestSmtpServer.FreePort(), o => o.Workers = 2));

        Assert.Equal((4, 1, 2), (smtp.Sender.WorkerCount, pickup.Sender.WorkerCount, configured.Sender.WorkerCount));
    }

    [Fact]
    public async Task The_workers_send_in_parallel_each_on_one_connection_kept_for_many_messages()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        // Slow enough per message that one worker alone could not take every batch.
        smtp.DelayPerMessage = TimeSpan.FromMilliseconds(30);
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => o.BatchSize = 5));
        for (var i = 0; i < 80; i++) await mail.EnqueueAsync(MailServices.Mail($"learner{i}@example.kz"));

        Assert.Equal(80, await mail.Sender.SendDueAsync(CancellationToken.None));

        Assert.Equal(4, smtp.Sessions);
        Assert.True(smtp.MostMessagesAtOnce >= 3, $"at most {smtp.MostMessagesAtOnce} messages were being received at once");
        Assert.Equal(80, smtp.Received.Select(r => r.Message.MessageId).Distinct().Count());
        var workers = (await mail.RowsAsync()).Select(r => r.ClaimedBy!.Split('#')[0]).Distinct().Count();
        Assert.Equal(4, workers);
    }

    [Fact]
    public async Task A_worker_opens_a_new_connection_after_MessagesPerConnection_messages()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => (o.Workers, o.MessagesPerConnection) = (1, 4)));
        for (var i = 0; i < 10; i++) await mail.EnqueueAsync(MailServices.Mail($"learner{i}@example.kz"));

        Assert.Equal(10, await mail.Sender.SendDueAsync(CancellationToken.None));

        Assert.Equal(3, smtp.Sessions);
    }

    [Fact]
    public async Task RatePerMinute_holds_all_workers_of_the_node_together_to_the_rate()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var limited = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => o.RatePerMinute = 1200));
        for (var i = 0; i < 30; i++) await limited.EnqueueAsync(MailServices.Mail($"learner{i}@example.kz"));

        var clock = Stopwatch.StartNew();
        Assert.Equal(30, await limited.Sender.SendDueAsync(CancellationToken.None));
        clock.Stop();

        // 1,200 a minute is 20 a second: 30 messages take about 1.5 s, where unlimited they take milliseconds.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.2), TimeSpan.FromSeconds(6));
        Assert.Equal(30, smtp.Received.Count);
    }

    [Fact]
    public async Task A_message_is_marked_in_flight_as_its_attempt_starts_and_sent_as_soon_as_the_server_accepts_it()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.DelayPerMessage = TimeSpan.FromMilliseconds(300);
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => (o.Workers, o.BatchSize) = (1, 10)));
        var first = await mail.EnqueueAsync(MailServices.Mail("first@example.kz"));
        var second = await mail.EnqueueAsync(MailServices.Mail("second@example.kz"));

        var sending = mail.Sender.SendDueAsync(CancellationToken.None);
        await Eventually(async () => (await mail.RowAsync(first.Id)).AttemptStartedUtc is not null);
        var inFlight = await mail.RowAsync(first.Id);
        var waiting = await mail.RowAsync(second.Id);
        await Eventually(async () => (await mail.RowAsync(first.Id)).SentUtc is not null);
        // The first is recorded while the second is still on its way: per message, not per batch.
        var secondMeanwhile = await mail.RowAsync(second.Id);
        await sending;

        Assert.Equal((1, null), (inFlight.Attempts, inFlight.SentUtc));
        Assert.Equal(mail.Clock.UtcNow, inFlight.AttemptStartedUtc);
        Assert.Null(waiting.AttemptStartedUtc);
        Assert.Null(secondMeanwhile.SentUtc);
        Assert.NotNull((await mail.RowAsync(second.Id)).SentUtc);
    }

    [Fact]
    public async Task A_message_left_in_flight_by_a_dead_process_is_sent_again_with_the_same_Message_ID_once_its_claim_runs_out()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));
        var row = await mail.EnqueueAsync(MailServices.Mail());
        var now = mail.Clock.UtcNow;
        await mail.WithDbAsync((db, _) => db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedBy, "web-2:4711:dead/3#12")
            .SetProperty(m => m.ClaimedUntilUtc, now + mail.Options.ClaimDuration)
            .SetProperty(m => m.AttemptStartedUtc, now)
            .SetProperty(m => m.Attempts, 1)));

        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));
        mail.Clock.Advance(mail.Options.ClaimDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));

        Assert.Equal(row.MessageId, Assert.Single(smtp.Received).Message.MessageId);
        Assert.Equal(2, (await mail.RowAsync(row.Id)).Attempts);
    }

    [Fact]
    public async Task A_worker_whose_claim_was_taken_over_does_not_send_the_message()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.DelayPerMessage = TimeSpan.FromMilliseconds(200);
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => (o.Workers, o.BatchSize) = (1, 10)));
        var first = await mail.EnqueueAsync(MailServices.Mail("first@example.kz"));
        var second = await mail.EnqueueAsync(MailServices.Mail("second@example.kz"));

        var sending = mail.Sender.SendDueAsync(CancellationToken.None);
        await Eventually(async () => (await mail.RowAsync(first.Id)).AttemptStartedUtc is not null);
        // Another node took the second message after this worker's claim had (as it thinks) run out.
        await mail.WithDbAsync((db, _) => db.Set<OutboxMessage>().Where(m => m.Id == second.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.ClaimedBy, "web-3:815:other/1#1")));
        await sending;

        Assert.Equal(["first@example.kz"], smtp.Received.SelectMany(r => r.Recipients));
        Assert.Equal((0, null), ((await mail.RowAsync(second.Id)).Attempts, (await mail.RowAsync(second.Id)).SentUtc));
    }

    [Fact]
    public async Task Settings_out_of_range_are_refused_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => MailServices.CreateAsync(new MailOptions { Workers = 0 }));
        Assert.Contains("Mail:Workers", error.Message);
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => MailServices.CreateAsync(new MailOptions { RatePerMinute = -5 }));
        Assert.Contains("Mail:RatePerMinute", error.Message);
        error = await Assert.ThrowsAsync<InvalidOperationException>(() => MailServices.CreateAsync(new MailOptions { Dkim = { Domain = "myalmaty.kz" } }));
        Assert.Contains("Mail:Dkim:Selector", error.Message);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 10 seconds.");
            await Task.Delay(5);
        }
    }
}
