using System.Diagnostics;
using System.Globalization;
using MailBench;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;

// End-to-end delivery from the outbox to an SMTP server on loopback (see tests/Benchmarks/mail-benchmark.sh):
//   MailBench --mode pool|single|naive [--messages 10000]
// Enqueues personalised invitations into a SQLite file in a temporary folder, then times their
// delivery to the SmtpServer package listening in this process, and samples this process's
// resident memory. Prints one Markdown table row.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
var mode = options.GetValueOrDefault("mode") ?? "pool";
var count = int.Parse(options.GetValueOrDefault("messages") ?? "10000", CultureInfo.InvariantCulture);
void Log(string text) => Console.Error.WriteLine($"mail-bench: {text}");

if (mode == "serve")
{
    // The receiving server alone, in a process of its own, so that the sender's memory is measured without it.
    await using var server = await LoopbackSmtpServer.StartAsync(int.Parse(options["port"], CultureInfo.InvariantCulture));
    Log($"serving on 127.0.0.1:{server.Port}");
    while (true)
    {
        await Task.Delay(1000);
        Log($"received {server.Messages} on {server.Sessions} connections");
    }
}
var data = Directory.CreateTempSubdirectory("mail-bench-").FullName;
var external = options.GetValueOrDefault("smtp-port") is { } given ? int.Parse(given, CultureInfo.InvariantCulture) : (int?)null;
await using var smtp = external is null ? await LoopbackSmtpServer.StartAsync() : null;
var smtpPort = external ?? smtp!.Port;
var mail = new MailOptions
{
    Delivery = MailDelivery.Smtp,
    Smtp = { Host = "127.0.0.1", Port = smtpPort, Security = SmtpSecurity.None },
    Workers = mode == "pool" ? null : 1,
    BatchSize = 50,
};
var services = new ServiceCollection();
services.AddLogging();
services.AddLearnData(new StorageOptions(), data);
services.AddMailFeature(mail, data);
await using var provider = services.BuildServiceProvider();
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
    await db.Database.MigrateAsync();
    await db.Database.PrepareAsync();
}

var enqueue = Stopwatch.StartNew();
long bodyBytes = 0;
for (var start = 0; start < count; start += 500)
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
    var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
    for (var i = start; i < Math.Min(count, start + 500); i++)
    {
        var invitation = Invitations.For(i);
        bodyBytes += Invitations.SizeOf(invitation);
        outbox.Enqueue(db, invitation);
    }
    await db.SaveChangesAsync();
}
Log($"{mode}: enqueued {count} invitations ({bodyBytes / count / 1024.0:F1} KB of bodies each) in {enqueue.Elapsed.TotalSeconds:F1} s");

GC.Collect();
var memory = new MemorySampler();
var clock = Stopwatch.StartNew();
var sent = mode switch
{
    "pool" or "single" => await provider.GetRequiredService<OutboxSender>().SendDueAsync(CancellationToken.None),
    "naive" => await NaiveSender.SendAllAsync(provider, mail),
    "raw" => await NaiveSender.SendOnOneConnectionAsync(provider, mail),
    _ => throw new ArgumentException($"Unknown mode '{mode}': use pool, single or naive."),
};
clock.Stop();
var (startMb, maxMb, endMb) = await memory.StopAsync();
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
Log($"{mode}: managed heap after a full collection {GC.GetTotalMemory(true) / 1024.0 / 1024:F0} MB, resident {MemorySampler.Megabytes():F0} MB");
if (sent != count || (smtp is not null && smtp.Messages != count)) throw new InvalidOperationException($"{mode}: {sent} marked sent, {smtp?.Messages} received, {count} expected");
var workers = mode == "pool" ? provider.GetRequiredService<OutboxSender>().WorkerCount : 1;
if (smtp is not null) Log($"{mode}: {count} received on {smtp.Sessions} connections, {smtp.Bytes / count / 1024.0:F1} KB each on the wire, in {clock.Elapsed.TotalSeconds:F2} s");
Console.WriteLine($"| {mode}{(smtp is null ? " (server in another process)" : "")} | {workers} | {(smtp is null ? "–" : smtp.Sessions.ToString(CultureInfo.InvariantCulture))} | {count:N0} | {clock.Elapsed.TotalSeconds:F2} s | {count / clock.Elapsed.TotalSeconds:N0} | {startMb:F0} / {maxMb:F0} / {endMb:F0} MB |");
await provider.DisposeAsync();
SqliteFiles.Clear();
Directory.Delete(data, recursive: true);

/// <summary>What the pool replaces: one new SMTP connection per message, one at a time.</summary>
internal static class NaiveSender
{
    /// <summary>The messages over one MailKit connection with no outbox bookkeeping: what the SMTP exchange alone costs (and keeps).</summary>
    public static async Task<int> SendOnOneConnectionAsync(IServiceProvider provider, MailOptions options)
    {
        var factory = provider.GetRequiredService<MimeMessageFactory>();
        var sent = 0;
        using var client = new SmtpClient();
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(options.Smtp.Host, options.Smtp.Port);
        await client.ConnectAsync(socket, options.Smtp.Host, options.Smtp.Port, SecureSocketOptions.None);
        for (long after = 0; ; )
        {
            await using var scope = provider.CreateAsyncScope();
            var rows = await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Id > after).OrderBy(m => m.Id).Take(500).ToListAsync();
            if (rows.Count == 0) break;
            foreach (var row in rows) await client.SendAsync(factory.Create(row));
            sent += rows.Count;
            after = rows[^1].Id;
        }
        await client.DisconnectAsync(quit: true);
        return sent;
    }

    public static async Task<int> SendAllAsync(IServiceProvider provider, MailOptions options)
    {
        var factory = provider.GetRequiredService<MimeMessageFactory>();
        var sent = 0;
        while (true)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var rows = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.SentUtc == null).OrderBy(m => m.Id).Take(200).ToListAsync();
            if (rows.Count == 0) return sent;
            foreach (var row in rows)
            {
                using var client = new SmtpClient();
                await client.ConnectAsync(options.Smtp.Host, options.Smtp.Port, SecureSocketOptions.None);
                await client.SendAsync(factory.Create(row));
                await client.DisconnectAsync(quit: true);
                await db.Set<OutboxMessage>().Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.SentUtc, DateTime.UtcNow));
                sent++;
            }
        }
    }
}

/// <summary>This process's resident memory (VmRSS), sampled every 50 ms.</summary>
internal sealed class MemorySampler
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<(double, double)> _sampling;
    private readonly double _start = Megabytes();

    public MemorySampler() => _sampling = Task.Run(async () =>
    {
        var max = _start;
        while (!_stop.IsCancellationRequested)
        {
            max = Math.Max(max, Megabytes());
            try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
        }
        return (max, Megabytes());
    });

    public async Task<(double Start, double Max, double End)> StopAsync()
    {
        await _stop.CancelAsync();
        var (max, end) = await _sampling;
        return (_start, Math.Max(max, end), end);
    }

    public static double Megabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
            }
        }
        return Environment.WorkingSet / 1024.0 / 1024;
    }
}

internal static class SqliteFiles
{
    public static void Clear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
}
