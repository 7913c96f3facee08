using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Scheduling;
using MyAlmaty.Learn.Tests.Mail;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Scheduling;

/// <summary>A job is a row with a due time: it runs once, after its time, on whichever node gets to it, and what it wrote stays only if it finished.</summary>
public sealed class ScheduledJobTests
{
    [Fact]
    public async Task A_job_runs_once_after_its_time_and_not_before()
    {
        await using var node = await Node.CreateAsync();
        await node.ScheduleAsync("a", node.Clock.UtcNow.AddHours(1));

        Assert.Equal(0, await node.Runner.RunDueAsync());
        node.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await node.Runner.RunDueAsync());
        Assert.Equal(0, await node.Runner.RunDueAsync());

        Assert.Equal(["a"], await node.MarksAsync());
    }

    [Fact]
    public async Task Two_nodes_running_at_once_run_each_job_once()
    {
        await using var first = await Node.CreateAsync();
        await using var second = await Node.CreateAsync(first.Folder, first.Clock);
        for (var i = 0; i < 30; i++) await first.ScheduleAsync($"job-{i}", first.Clock.UtcNow);

        var ran = await Task.WhenAll(Task.Run(() => first.Runner.RunDueAsync()), Task.Run(() => second.Runner.RunDueAsync()));

        Assert.Equal(30, ran.Sum());
        var marks = await first.MarksAsync();
        Assert.Equal(30, marks.Count);
        Assert.Equal(30, marks.Distinct().Count());
    }

    [Fact]
    public async Task A_site_that_was_down_when_a_job_was_due_runs_it_when_it_starts_again()
    {
        TempFolder folder;
        TestClock clock;
        await using (var before = await Node.CreateAsync())
        {
            await before.ScheduleAsync("missed", before.Clock.UtcNow.AddMinutes(5));
            folder = before.Folder;
            clock = before.Clock;
        }
        clock.Advance(TimeSpan.FromDays(2));

        await using var after = await Node.CreateAsync(folder, clock);
        Assert.Equal(1, await after.Runner.RunDueAsync());
        Assert.Equal(["missed"], await after.MarksAsync());
    }

    [Fact]
    public async Task A_job_that_fails_leaves_nothing_it_wrote_and_is_tried_again_after_the_retry_delay()
    {
        await using var node = await Node.CreateAsync();
        await node.ScheduleAsync("fails-once", node.Clock.UtcNow);

        Assert.Equal(0, await node.Runner.RunDueAsync());
        Assert.Empty(await node.MarksAsync());
        var failed = await node.JobAsync("fails-once");
        Assert.Contains("first attempt fails on purpose", failed.LastError);
        Assert.Null(failed.DoneUtc);

        Assert.Equal(0, await node.Runner.RunDueAsync());
        node.Clock.Advance(node.Options.RetryDelay + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await node.Runner.RunDueAsync());
        Assert.Equal(["fails-once"], await node.MarksAsync());
    }

    [Fact]
    public async Task Scheduling_a_job_again_moves_it_and_a_done_job_moved_runs_again_while_a_cancelled_one_never_runs()
    {
        await using var node = await Node.CreateAsync();
        await node.ScheduleAsync("moved", node.Clock.UtcNow);
        await node.ScheduleAsync("cancelled", node.Clock.UtcNow.AddHours(1));
        Assert.Equal(1, await node.Runner.RunDueAsync());

        await node.ScheduleAsync("moved", node.Clock.UtcNow.AddHours(2));
        await node.InScopeAsync(async (db, work) =>
        {
            await work.CancelAsync(db, Node.Kind, "cancelled");
            await db.SaveChangesAsync();
        });
        node.Clock.Advance(TimeSpan.FromHours(3));

        Assert.Equal(1, await node.Runner.RunDueAsync());
        Assert.Equal(["moved", "moved"], await node.MarksAsync());
        Assert.Equal(["moved"], await node.QueryAsync(db => db.Set<ScheduledJob>().Where(j => j.Kind == Node.Kind).Select(j => j.Key).ToListAsync()));
    }

    /// <summary>Writes a mark per run (a row of the jobs table of another kind), failing the first attempt of «fails-once».</summary>
    private sealed class MarkingHandler : IScheduledJobHandler
    {
        private int _failures;

        public string Kind => Node.Kind;

        public Task RunAsync(ScheduledJob job, LearnDbContext db, CancellationToken cancellationToken)
        {
            db.Add(new ScheduledJob { Kind = "mark", Key = $"{job.Key}:{Guid.NewGuid():N}", DueUtc = DateTime.MaxValue, DoneUtc = DateTime.UtcNow });
            if (job.Key == "fails-once" && Interlocked.Increment(ref _failures) == 1) throw new InvalidOperationException("The first attempt fails on purpose.");
            return Task.CompletedTask;
        }
    }

    private sealed class Node : IAsyncDisposable
    {
        public const string Kind = "test";
        private readonly ServiceProvider _provider;
        private readonly bool _ownsFolder;

        private Node(ServiceProvider provider, TempFolder folder, TestClock clock, bool ownsFolder)
        {
            _provider = provider;
            Folder = folder;
            Clock = clock;
            _ownsFolder = ownsFolder;
        }

        public TempFolder Folder { get; }
        public TestClock Clock { get; }
        public SchedulingOptions Options => _provider.GetRequiredService<SchedulingOptions>();
        public ScheduledJobRunner Runner => _provider.GetRequiredService<ScheduledJobRunner>();

        public static async Task<Node> CreateAsync(TempFolder? folder = null, TestClock? clock = null)
        {
            var owns = folder is null;
            folder ??= new TempFolder();
            clock ??= new TestClock();
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(clock);
            services.AddLogging();
            services.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime>(
                new Microsoft.Extensions.Hosting.Internal.ApplicationLifetime(NullLogger<Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>.Instance));
            services.AddLearnData(new StorageOptions(), folder.Path);
            services.AddSchedulingFeature(new SchedulingOptions());
            services.AddSingleton<IScheduledJobHandler, MarkingHandler>();
            var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.PrepareAsync();
            return new Node(provider, folder, clock, owns);
        }

        public Task ScheduleAsync(string key, DateTime dueUtc) => InScopeAsync(async (db, work) =>
        {
            await work.ScheduleAsync(db, Kind, key, dueUtc);
            await db.SaveChangesAsync();
        });

        public async Task InScopeAsync(Func<LearnDbContext, ScheduledWork, Task> use)
        {
            await using var scope = _provider.CreateAsyncScope();
            await use(scope.ServiceProvider.GetRequiredService<LearnDbContext>(), _provider.GetRequiredService<ScheduledWork>());
        }

        public async Task<T> QueryAsync<T>(Func<LearnDbContext, Task<T>> query)
        {
            await using var scope = _provider.CreateAsyncScope();
            return await query(scope.ServiceProvider.GetRequiredService<LearnDbContext>());
        }

        public Task<List<string>> MarksAsync() => QueryAsync(async db =>
            (await db.Set<ScheduledJob>().Where(j => j.Kind == "mark").Select(j => j.Key).ToListAsync()).Select(k => k[..k.IndexOf(':')]).Order().ToList());

        public Task<ScheduledJob> JobAsync(string key) => QueryAsync(db => db.Set<ScheduledJob>().SingleAsync(j => j.Kind == Kind && j.Key == key));

        public async ValueTask DisposeAsync()
        {
            await _provider.DisposeAsync();
            if (_ownsFolder) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
