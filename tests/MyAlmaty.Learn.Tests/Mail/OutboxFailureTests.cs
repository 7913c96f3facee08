using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>What a refusal means: 4xx and lost connections wait and come back, 5xx ends the message.</summary>
public sealed class OutboxFailureTests
{
    [Fact]
    public async Task A_recipient_refused_for_good_with_550_is_not_tried_again_and_its_address_is_suppressed_as_bounced()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Refusal = to => to == "gone@example.kz" ? 550 : null;
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));
        var gone = await mail.EnqueueAsync(MailServices.Mail("gone@example.kz"));
        var here = await mail.EnqueueAsync(MailServices.Mail("here@example.kz"));

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));
        mail.Clock.Advance(TimeSpan.FromDays(2));
        smtp.AcceptEveryRecipient();
        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));

        var failed = await mail.RowAsync(gone.Id);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentUtc);
        Assert.Null(failed.NextAttemptUtc);
        Assert.NotNull(failed.FailedUtc);
        Assert.StartsWith("550 RecipientNotAccepted", failed.LastError);
        Assert.Contains("No such mailbox", failed.LastError);
        Assert.Equal(["here@example.kz"], smtp.Received.SelectMany(r => r.Recipients));
        Assert.NotNull((await mail.RowAsync(here.Id)).SentUtc);
        Assert.True(await mail.WithAsync<MailSuppressions, bool>(s => s.IsSuppressedAsync(" GONE@example.kz ", CancellationToken.None)));
        Assert.False(await mail.WithAsync<MailSuppressions, bool>(s => s.IsSuppressedAsync("here@example.kz", CancellationToken.None)));
    }

    [Fact]
    public async Task A_server_that_ends_its_sessions_with_421_is_reconnected_to_and_every_message_goes_out_on_its_first_attempt()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.MessagesPerSession = 3;
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => o.Workers = 1));
        for (var i = 0; i < 10; i++) await mail.EnqueueAsync(MailServices.Mail($"learner{i}@example.kz"));

        Assert.Equal(10, await mail.Sender.SendDueAsync(CancellationToken.None));

        Assert.Equal(10, smtp.Received.Count);
        Assert.Equal(4, smtp.Sessions);
        Assert.All(await mail.RowsAsync(), r => Assert.Equal((1, null), (r.Attempts, r.LastError)));
    }

    [Fact]
    public async Task A_421_on_a_new_connection_is_a_temporary_failure_that_waits_for_the_back_off()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.MessagesPerSession = 0;
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => o.Workers = 1));
        var message = await mail.EnqueueAsync(MailServices.Mail());

        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));

        var waiting = await mail.RowAsync(message.Id);
        Assert.Equal((1, null), (waiting.Attempts, waiting.FailedUtc));
        Assert.StartsWith("421", waiting.LastError);
        Assert.True(waiting.NextAttemptUtc > mail.Clock.UtcNow);

        smtp.MessagesPerSession = null;
        mail.Clock.Advance(mail.Options.RetryDelay * 1.25);
        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public void Retry_waits_are_spread_by_the_jitter_around_the_doubling_delay()
    {
        var options = new MailOptions { RetryDelay = TimeSpan.FromMinutes(1), RetryJitter = 0.2 };
        var random = new Random(7);

        var first = Enumerable.Range(0, 500).Select(_ => options.JitteredRetryDelayAfter(1, random).TotalSeconds).ToList();
        var third = Enumerable.Range(0, 500).Select(_ => options.JitteredRetryDelayAfter(3, random).TotalSeconds).ToList();

        Assert.All(first, s => Assert.InRange(s, 48, 72));
        Assert.All(third, s => Assert.InRange(s, 192, 288));
        // Spread over the whole band, not bunched at one end.
        Assert.True(first.Min() < 50 && first.Max() > 70, $"{first.Min()}…{first.Max()}");
        Assert.InRange(first.Average(), 58, 62);
    }

    [Fact]
    public async Task A_failing_message_is_scheduled_within_the_jitter_band_of_the_retry_delay()
    {
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(TestSmtpServer.FreePort()));
        var messages = new List<OutboxMessage>();
        for (var i = 0; i < 20; i++) messages.Add(await mail.EnqueueAsync(MailServices.Mail($"learner{i}@example.kz")));

        await mail.Sender.SendDueAsync(CancellationToken.None);

        var waits = (await mail.RowsAsync()).Select(r => (r.NextAttemptUtc!.Value - mail.Clock.UtcNow).TotalSeconds).ToList();
        Assert.All(waits, s => Assert.InRange(s, 48, 72));
        Assert.True(waits.Distinct().Count() > 10, "The waits should differ from message to message.");
    }
}
