using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>Other features learn what became of their mail from the feature, not from its table.</summary>
public sealed class MailDeliveryStatesTests
{
    [Fact]
    public async Task Queued_sent_and_failed_messages_are_told_apart_with_the_last_error_and_unknown_ids_left_out()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Refusal = to => to switch { "gone@example.kz" => 550, "busy@example.kz" => 450, _ => null };
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));
        var sent = await mail.EnqueueAsync(MailServices.Mail("here@example.kz"));
        var gone = await mail.EnqueueAsync(MailServices.Mail("gone@example.kz"));
        var busy = await mail.EnqueueAsync(MailServices.Mail("busy@example.kz"));
        await mail.Sender.SendDueAsync(CancellationToken.None);
        var waiting = await mail.EnqueueAsync(MailServices.Mail("later@example.kz"));

        var states = await mail.WithAsync<MailDeliveryStates, IReadOnlyDictionary<long, MailDeliveryState>>(s =>
            s.OfAsync([sent.Id, gone.Id, busy.Id, waiting.Id, 999_999], CancellationToken.None));

        Assert.Equal(4, states.Count);
        Assert.Equal((MailDeliveryStatus.Sent, 1, null), (states[sent.Id].Status, states[sent.Id].Attempts, states[sent.Id].LastError));
        Assert.NotNull(states[sent.Id].SinceUtc);
        Assert.Equal(MailDeliveryStatus.Failed, states[gone.Id].Status);
        Assert.StartsWith("550", states[gone.Id].LastError);
        Assert.Equal(MailDeliveryStatus.Queued, states[busy.Id].Status);
        Assert.StartsWith("450", states[busy.Id].LastError);
        Assert.Equal((MailDeliveryStatus.Queued, 0, null, null), (states[waiting.Id].Status, states[waiting.Id].Attempts, states[waiting.Id].SinceUtc, states[waiting.Id].LastError));
    }

    [Fact]
    public async Task A_message_given_up_after_its_last_attempt_is_failed()
    {
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(TestSmtpServer.FreePort(), o => o.MaxAttempts = 1));
        var row = await mail.EnqueueAsync(MailServices.Mail());
        await mail.Sender.SendDueAsync(CancellationToken.None);

        var state = (await mail.WithAsync<MailDeliveryStates, IReadOnlyDictionary<long, MailDeliveryState>>(s =>
            s.OfAsync([row.Id], CancellationToken.None)))[row.Id];

        Assert.Equal(MailDeliveryStatus.Failed, state.Status);
        Assert.Equal(mail.Clock.UtcNow, state.SinceUtc);
        Assert.False(string.IsNullOrWhiteSpace(state.LastError));
    }

    [Fact]
    public async Task Many_ids_are_answered_in_one_call()
    {
        await using var mail = await MailServices.CreateAsync();
        var ids = new List<long>();
        await mail.WithDbAsync(async (db, outbox) =>
        {
            var rows = Enumerable.Range(0, 1200).Select(i => outbox.Enqueue(db, MailServices.Mail($"learner{i}@example.kz"))).ToList();
            await db.SaveChangesAsync();
            ids.AddRange(rows.Select(r => r.Id));
            return 0;
        });

        var states = await mail.WithAsync<MailDeliveryStates, IReadOnlyDictionary<long, MailDeliveryState>>(s => s.OfAsync(ids, CancellationToken.None));

        Assert.Equal(1200, states.Count);
        Assert.All(states.Values, s => Assert.Equal(MailDeliveryStatus.Queued, s.Status));
    }
}
