using MyAlmaty.Learn.Mail;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>Mail is written with what caused it, or not at all.</summary>
public sealed class OutboxTransactionTests
{
    [Fact]
    public async Task Enqueuing_without_saving_writes_nothing_and_sends_nothing()
    {
        await using var mail = await MailServices.CreateAsync();

        await mail.WithDbAsync((db, outbox) => Task.FromResult(outbox.Enqueue(db, MailServices.Mail())));

        Assert.Empty(await mail.RowsAsync());
        Assert.Equal(0, await mail.Sender.SendDueAsync(CancellationToken.None));
        Assert.False(Directory.Exists(mail.PickupDirectory) && Directory.EnumerateFiles(mail.PickupDirectory).Any());
    }

    [Fact]
    public async Task A_rolled_back_transaction_sends_nothing_and_a_committed_one_sends_its_mail()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port));

        await mail.WithDbAsync(async (db, outbox) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            outbox.Enqueue(db, MailServices.Mail("rolled-back@example.kz"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        await mail.WithDbAsync(async (db, outbox) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            outbox.Enqueue(db, MailServices.Mail("committed@example.kz"));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return 0;
        });

        Assert.Equal(1, await mail.Sender.SendDueAsync(CancellationToken.None));
        Assert.Equal(["committed@example.kz"], (await mail.RowsAsync()).Select(m => m.To));
        Assert.Equal(["committed@example.kz"], smtp.Received.SelectMany(r => r.Recipients));
    }

    [Fact]
    public async Task The_background_sender_wakes_up_when_mail_is_committed_instead_of_waiting_for_the_next_poll()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync(MailServices.Smtp(smtp.Port, o => o.PollInterval = TimeSpan.FromHours(1)));
        await mail.EnqueueAsync(MailServices.Mail("first@example.kz"));
        await mail.StartBackgroundAsync();
        await Eventually(() => smtp.Received.Count == 1);
        // Let the sender finish its rounds and settle into waiting for an hour.
        await Task.Delay(500);

        await mail.WithDbAsync(async (db, outbox) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            outbox.Enqueue(db, MailServices.Mail("second@example.kz"));
            await db.SaveChangesAsync();
            await Task.Delay(300);
            Assert.Single(smtp.Received);
            await transaction.CommitAsync();
            return 0;
        });

        await Eventually(() => smtp.Received.Count == 2);
        Assert.Equal(["first@example.kz", "second@example.kz"], smtp.Received.SelectMany(r => r.Recipients));
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 10 seconds.");
            await Task.Delay(20);
        }
    }
}
