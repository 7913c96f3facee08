using System.Diagnostics;

namespace SearchBench;

/// <summary>
/// CPU used by this process and by everything else on the machine over a stretch of time, in
/// cores (Linux /proc/stat), so a run on a shared machine shows whether something else was busy.
/// </summary>
internal sealed class CpuMeter
{
    private const double TicksPerSecond = 100; // USER_HZ

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _busy = BusyTicks();
    private readonly TimeSpan _own = Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>Cores used on average since the meter started: by this process, and by all other processes.</summary>
    public (double Own, double Others) Read()
    {
        var seconds = _clock.Elapsed.TotalSeconds;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - _own).TotalSeconds / seconds;
        var all = (BusyTicks() - _busy) / TicksPerSecond / seconds;
        return (own, Math.Max(0, all - own));
    }

    /// <summary>Waits (up to <paramref name="maxSeconds"/>) until other processes use less than 0.1 core over 2 s.</summary>
    public static double WaitQuiet(double maxSeconds)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var meter = new CpuMeter();
            Thread.Sleep(2000);
            var (_, others) = meter.Read();
            if (others < 0.1 || waited.Elapsed.TotalSeconds >= maxSeconds) return others;
            Console.Error.WriteLine($"  waiting for the machine to be quiet (other processes use {others:0.00} cores)…");
        }
    }

    private static long BusyTicks()
    {
        if (!File.Exists("/proc/stat")) return 0;
        // cpu  user nice system idle iowait irq softirq steal …
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long F(int i) => fields.Length > i ? long.Parse(fields[i]) : 0;
        return F(1) + F(2) + F(3) + F(6) + F(7) + F(8);
    }
}
