using System.Diagnostics;
using System.Globalization;
using System.Text;
using AccountTiming;

// Times the site's account POSTs for addresses in five states (see tests/Benchmarks/README.md):
//   AccountTiming --site http://127.0.0.1:5080 --mail <data>/mail-pickup [--samples 20] [--warmup 10]
//                 [--seed N] [--parallel 4] [--pause-ms 0] [--csv samples.csv] [--site-pid N] [--wait-quiet 300]
// Prints Markdown tables on stdout, progress on stderr. Exit 1 on any unexpected answer.

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i].TrimStart('-')] = args[i + 1];
string Option(string name, string fallback) => options.TryGetValue(name, out var v) && v.Length > 0 ? v : fallback;
int Number(string name, int fallback, int min) =>
    int.TryParse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), out var n) && n >= min ? n : throw new ArgumentException($"--{name} must be a whole number ≥ {min}");

try
{
    var site = new Uri(Option("site", "http://127.0.0.1:5080"));
    var mailFolder = Option("mail", "data/mail-pickup");
    var samples = Number("samples", 20, 1);
    var warmup = Number("warmup", 10, 0);
    var seed = Number("seed", Random.Shared.Next(1, 1_000_000), 0);
    var parallel = Number("parallel", 4, 1);
    var pauseMs = Number("pause-ms", 0, 0);
    var csv = Option("csv", "");
    var noise = new Noise(Number("site-pid", 0, 0));
    var waitQuiet = Number("wait-quiet", 300, 0);
    var rounds = warmup + samples;

    using var client = new SiteClient(site);
    var mail = new Mailbox(mailFolder);
    var accounts = new Accounts(client, mail);
    var states = Enum.GetValues<State>();
    var operations = Enum.GetValues<Operation>();
    void Log(string text) => Console.Error.WriteLine($"account-timing: {text}");

    // Every sample gets its own address, brought into its state beforehand.
    // The addresses all have the same length and say nothing of their state.
    var plan = new Dictionary<(Operation, State), string[]>();
    var next = 0;
    foreach (var operation in operations)
    {
        foreach (var state in states)
        {
            plan[(operation, state)] = Enumerable.Range(0, rounds).Select(_ => $"b{seed:0000000}-{next++:000000}@bench.example.org").ToArray();
        }
    }

    // Locked accounts last, so that their 15 minutes run out as late as possible.
    var setup = Stopwatch.StartNew();
    var lockedSince = new Stopwatch();
    foreach (var group in new[] { states.Where(s => s is not (State.Unknown or State.Locked)), [State.Locked] })
    {
        var work = plan.Where(p => group.Contains(p.Key.Item2)).SelectMany(p => p.Value.Select(email => (email, state: p.Key.Item2))).ToList();
        Log($"preparing {work.Count} {string.Join(" / ", group.Select(Accounts.Name))} accounts ({parallel} at a time)…");
        if (group.Contains(State.Locked)) lockedSince.Start();
        var done = 0;
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) =>
        {
            await accounts.PrepareAsync(item.email, item.state);
            if (Interlocked.Increment(ref done) % 100 == 0) Log($"  {done} / {work.Count}");
        });
    }
    setup.Stop();
    // The site's mail sender writes files in the background: let it finish before anything is timed.
    await mail.WaitForCountAsync(accounts.EmailsExpected, Accounts.MailTimeout);
    Log($"setup took {setup.Elapsed.TotalSeconds:0} s");
    // One budget for all the waiting: 2 s of quiet first, then half a second before each round.
    var quietBudget = Stopwatch.StartNew();
    async Task WaitQuietAsync(double windowSeconds)
    {
        var left = TimeSpan.FromSeconds(waitQuiet) - quietBudget.Elapsed;
        if (left <= TimeSpan.Zero || await noise.WaitQuietAsync(left, TimeSpan.FromSeconds(windowSeconds))) return;
        Log($"the machine is still busy after {waitQuiet} s of waiting in all; measuring anyway (see the CPU line)");
    }
    await WaitQuietAsync(2);
    Log($"{warmup} warm-up rounds, then {samples} measured, seed {seed}…");
    var measuredSpans = new List<(Noise.Reading, Noise.Reading)>();

    // Interleaved: each round takes every (operation, state) once, in a new random order.
    var random = new Random(seed);
    var times = plan.Keys.ToDictionary(k => k, _ => new List<double>());
    var perRound = operations.ToDictionary(o => o, _ => new List<double[]>());
    var rows = new StringBuilder("round,operation,state,ms,other_cores\n");
    var noisyRounds = 0;
    var keys = plan.Keys.ToArray();
    var measuring = Stopwatch.StartNew();
    for (var round = 0; round < rounds; round++)
    {
        random.Shuffle(keys);
        var thisRound = operations.ToDictionary(o => o, _ => new double[states.Length]);
        await WaitQuietAsync(0.5);
        var roundStart = noise.Read();
        var roundRows = new List<string>();
        foreach (var (operation, state) in keys)
        {
            var ms = await accounts.RunAsync(operation, plan[(operation, state)][round], state);
            if (round >= warmup) times[(operation, state)].Add(ms);
            thisRound[operation][(int)state] = ms;
            roundRows.Add(string.Create(CultureInfo.InvariantCulture, $"{round},{operation},{Accounts.Name(state)},{ms:0.000}"));
            // The email it sent is written in the background (with an fsync): not while the next sample is timed.
            await mail.WaitForCountAsync(accounts.EmailsExpected, Accounts.MailTimeout, poll: 2);
            if (pauseMs > 0) await Task.Delay(pauseMs);
        }
        var roundEnd = noise.Read();
        var other = Noise.Between(roundStart, roundEnd).Other;
        if (round >= warmup) measuredSpans.Add((roundStart, roundEnd));
        if (round >= warmup && other >= 0.1) noisyRounds++;
        foreach (var row in roundRows) rows.Append(CultureInfo.InvariantCulture, $"{row},{other:0.00}\n");
        if (round >= warmup) foreach (var operation in operations) perRound[operation].Add(thisRound[operation]);
        if ((round + 1) % 10 == 0) Log($"  round {round + 1} / {rounds}");
    }
    var use = Noise.Over(measuredSpans);
    if (lockedSince.Elapsed > TimeSpan.FromMinutes(14))
    {
        throw new BenchmarkException($"the run took {lockedSince.Elapsed.TotalMinutes:0} min after the first account was locked: the 15-minute lock-outs may have ended. Use fewer samples.");
    }
    if (csv.Length > 0) await File.WriteAllTextAsync(csv, rows.ToString());

    string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
    var header = "| operation | " + string.Join(" | ", states.Select(Accounts.Name));
    var rule = "|---|" + string.Concat(states.Select(_ => "---:|"));
    var output = new StringBuilder();
    output.AppendLine(CultureInfo.InvariantCulture, $"### Median time of the POST, ms ({samples} samples per cell, after {warmup} warm-up rounds)");
    output.AppendLine();
    output.AppendLine(header + " | spread | within 10 % | p |");
    output.AppendLine(rule + "---:|---|---:|");
    foreach (var operation in operations)
    {
        var medians = states.Select(s => Stats.Percentile(times[(operation, s)], 50)).ToArray();
        var spread = Stats.Spread(medians);
        var p = Stats.PermutationP(perRound[operation], new Random(seed));
        output.AppendLine(CultureInfo.InvariantCulture,
            $"| {Accounts.Name(operation)} | {string.Join(" | ", medians.Select(Ms))} | {spread:0.0} % | {(spread <= 10 ? "yes" : "**no**")} | {p:0.000} |");
    }
    output.AppendLine();
    output.AppendLine("spread = (largest median − smallest) / smallest. p = how often a spread at least as large comes out when the "
        + $"five times of each round are dealt to the states at random ({Stats.Permutations} deals): small p (< 0.01) means the state makes a difference, "
        + "large p that the spread is within what noise gives.");
    output.AppendLine();
    output.AppendLine("### Middle half (25th–75th percentile) and fastest, ms");
    output.AppendLine();
    output.AppendLine(header + " |");
    output.AppendLine(rule);
    foreach (var operation in operations)
    {
        var cells = states.Select(s => times[(operation, s)]).Select(t => $"{Ms(Stats.Percentile(t, 25))}–{Ms(Stats.Percentile(t, 75))} ({Ms(t.Min())})");
        output.AppendLine(CultureInfo.InvariantCulture, $"| {Accounts.Name(operation)} | {string.Join(" | ", cells)} |");
    }
    output.AppendLine();
    // Paired within rounds: a small steady offset shows here long before it moves the medians past the noise.
    output.AppendLine("### Within each round, the state minus the median of the other four: median difference, ms (rounds where it was slower)");
    output.AppendLine();
    output.AppendLine(header + " |");
    output.AppendLine(rule);
    foreach (var operation in operations)
    {
        var cells = states.Select(s =>
        {
            var differences = perRound[operation].Select(r => r[(int)s] - Stats.Percentile(r.Where((_, i) => i != (int)s).ToArray(), 50)).ToArray();
            return $"{Stats.Percentile(differences, 50).ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture)} ({differences.Count(d => d > 0)}/{differences.Length})";
        });
        output.AppendLine(CultureInfo.InvariantCulture, $"| {Accounts.Name(operation)} | {string.Join(" | ", cells)} |");
    }
    output.AppendLine();
    output.AppendLine(CultureInfo.InvariantCulture,
        $"Setup {setup.Elapsed.TotalSeconds:0} s ({plan.Where(p => p.Key.Item2 != State.Unknown).Sum(p => p.Value.Length)} accounts prepared), rounds {measuring.Elapsed.TotalSeconds:0} s with the waits for quiet; shuffle seed {seed}; after each sample, its email awaited and a pause of {pauseMs} ms.");
    output.AppendLine(CultureInfo.InvariantCulture,
        $"CPU during the measured rounds (waits left out): {noise.Describe(use)}; {noisyRounds} of {samples} rounds with other processes above 0.1 core"
        + $"{(use.Other < 0.1 ? " (quiet)" : " — **not quiet**: other processes shared the cores, the figures are noisier")}.");
    Console.WriteLine(output.ToString().TrimEnd());
    return 0;
}
catch (Exception e) when (e is BenchmarkException or HttpRequestException or TaskCanceledException or ArgumentException or IOException)
{
    Console.Error.WriteLine($"account-timing: {e.Message}");
    return 1;
}

static class Stats
{
    public const int Permutations = 10_000;

    public static double Spread(IReadOnlyCollection<double> medians) => 100 * (medians.Max() - medians.Min()) / medians.Min();

    /// <summary>
    /// A permutation test of «the state makes no difference»: within each round the times are dealt
    /// to the states at random, and the share of deals whose spread of medians is at least the one
    /// measured is returned. Dealing within rounds keeps what the interleaving made fair.
    /// </summary>
    public static double PermutationP(IReadOnlyList<double[]> rounds, Random random)
    {
        var states = rounds[0].Length;
        double SpreadOf(IReadOnlyList<double[]> r) => Spread(Enumerable.Range(0, states).Select(s => Percentile(r.Select(x => x[s]).ToArray(), 50)).ToArray());
        var measured = SpreadOf(rounds);
        var dealt = rounds.Select(r => (double[])r.Clone()).ToArray();
        var atLeast = 0;
        for (var i = 0; i < Permutations; i++)
        {
            foreach (var round in dealt) random.Shuffle(round);
            if (SpreadOf(dealt) >= measured - 1e-9) atLeast++;
        }
        return (double)atLeast / Permutations;
    }

    /// <summary>The p-th percentile with linear interpolation between the two nearest samples (p = 50: the median).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var position = (sorted.Length - 1) * p / 100;
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
