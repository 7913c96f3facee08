using System.Diagnostics;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Tests.Support;
using Xunit.Abstractions;

namespace MyAlmaty.Learn.Tests.Mail;

/// <summary>
/// The sender process is killed (SIGKILL) in the middle of a run of 1,000 messages and started
/// again: nothing is lost, and the only copies are of messages that were in flight, one per worker
/// at most, with the same Message-ID.
/// </summary>
public sealed class SenderCrashTests(ITestOutputHelper output)
{
    private const int Messages = 1000;
    private const int Workers = 4;

    [Fact]
    public async Task After_a_sender_is_killed_mid_run_and_restarted_every_recipient_has_exactly_one_Message_ID_and_at_most_one_copy_per_worker()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var mail = await MailServices.CreateAsync();
        await mail.WithDbAsync(async (db, outbox) =>
        {
            for (var i = 0; i < Messages; i++) outbox.Enqueue(db, MailServices.Mail($"learner{i:D4}@example.kz"));
            return await db.SaveChangesAsync();
        });

        var clock = Stopwatch.StartNew();
        using (var first = StartSender(mail.Folder, smtp.Port))
        {
            await Until(() => smtp.Received.Count >= Messages / 2, first, "half of the messages to arrive");
            first.Kill();
            await first.WaitForExitAsync();
        }
        var atKill = smtp.Received.Count;
        var killedAt = clock.Elapsed;
        using (var second = StartSender(mail.Folder, smtp.Port))
        {
            await Until(() => smtp.Received.Select(r => r.Recipients[0]).Distinct().Count() == Messages, second, "every recipient to get the message");
            // Let anything still on its way arrive, so that a stray copy would be counted.
            await Task.Delay(500);
            second.Kill();
            await second.WaitForExitAsync();
        }

        var byRecipient = smtp.Received.GroupBy(r => r.Recipients.Single()).ToList();
        var copies = smtp.Received.Count - Messages;
        output.WriteLine($"killed after {killedAt.TotalSeconds:F1} s, {atKill} of {Messages} had arrived; all arrived after {clock.Elapsed.TotalSeconds:F1} s; {smtp.Received.Count} arrived in all: {copies} copies (at most {Workers} allowed)");
        Assert.Equal(Messages, byRecipient.Count);
        Assert.All(byRecipient, g => Assert.Single(g.Select(r => r.Message.MessageId).Distinct()));
        Assert.Equal(Messages, smtp.Received.Select(r => r.Message.MessageId).Distinct().Count());
        Assert.InRange(copies, 0, Workers);
        Assert.InRange(atKill, Messages / 2, Messages - 1);
        Assert.All(await mail.RowsAsync(), r => Assert.NotNull(r.SentUtc));
    }

    private Process StartSender(string folder, int port)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = here.Parent!.Name;
        var program = Path.Combine(RepoPaths.Root, "tests", "MailSenderProcess", "bin", configuration, here.Name, "MailSenderProcess.dll");
        Assert.True(File.Exists(program), $"{program} is missing: build tests/MailSenderProcess");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // A short claim: the restarted sender takes over the killed one's messages within two seconds.
        foreach (var arg in new[] { program, folder, port.ToString(), "2", Workers.ToString() }) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.WriteLine("sender: " + e.Data); };
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task Until(Func<bool> condition, Process sender, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.False(sender.HasExited, $"The sender exited (code {(sender.HasExited ? sender.ExitCode : 0)}) while waiting for {what}.");
            Assert.True(DateTime.UtcNow < deadline, $"Waited 60 s for {what}.");
            await Task.Delay(2);
        }
    }
}
