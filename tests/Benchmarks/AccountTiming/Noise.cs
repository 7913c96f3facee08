namespace AccountTiming;

/// <summary>
/// CPU time from /proc, in clock ticks: the whole machine, the site, this client. What the machine
/// spent beyond the two is noise: other processes sharing the cores while samples were taken.
/// </summary>
public sealed class Noise(int sitePid)
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux
    private readonly int _cores = Environment.ProcessorCount;

    public readonly record struct Reading(long Machine, long Site, long Client, DateTime At);

    /// <summary>Cores used on average between two readings: site, client, everything else.</summary>
    public readonly record struct Use(double Site, double Client, double Other);

    public Reading Read() => new(MachineTicks(), ProcessTicks(sitePid), ProcessTicks(Environment.ProcessId), DateTime.UtcNow);

    public static Use Between(Reading a, Reading b) => Over([(a, b)]);

    /// <summary>Cores used on average over several spans together (the time between them left out).</summary>
    public static Use Over(IReadOnlyCollection<(Reading From, Reading To)> spans)
    {
        var seconds = Math.Max(spans.Sum(s => (s.To.At - s.From.At).TotalSeconds), 0.001);
        long Sum(Func<Reading, long> ticks) => spans.Sum(s => ticks(s.To) - ticks(s.From));
        var (machine, site, client) = (Sum(r => r.Machine), Sum(r => r.Site), Sum(r => r.Client));
        double Cores(long ticks) => Math.Max(ticks, 0) / TicksPerSecond / seconds;
        return new Use(Cores(site), Cores(client), Cores(machine - site - client));
    }

    /// <summary>Waits up to <paramref name="limit"/> for <paramref name="window"/> in which other processes use less than a tenth of a core; returns whether it came.</summary>
    public async Task<bool> WaitQuietAsync(TimeSpan limit, TimeSpan window)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var a = Read();
            await Task.Delay(window);
            if (Between(a, Read()).Other < 0.1) return true;
            if (DateTime.UtcNow > deadline) return false;
        }
    }

    public string Describe(Use use) =>
        $"site {use.Site:0.00}, this client {use.Client:0.00}, other processes {use.Other:0.00} of {_cores} cores";

    private static long MachineTicks()
    {
        // cpu  user nice system idle iowait irq softirq steal …: busy = all but idle and iowait.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var values = fields.Skip(1).Take(8).Select(long.Parse).ToArray();
        return values.Sum() - values[3] - values[4];
    }

    private static long ProcessTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // After "pid (comm) ": state ppid … utime is the 12th field and stime the 13th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
