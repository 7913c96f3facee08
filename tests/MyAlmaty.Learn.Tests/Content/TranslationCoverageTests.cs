using Xunit.Abstractions;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Translations;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>The coverage of ten thousand items is read in one query and judged in memory, quickly.</summary>
public sealed class TranslationCoverageTests(ITestOutputHelper output)
{
    private const int Keys = 5_000;
    private const int RussianOnly = 500;

    [Fact]
    public async Task Coverage_of_ten_thousand_items_takes_one_query_and_is_judged_in_memory()
    {
        var queries = new QueryCounter();
        await using var content = await ContentServices.CreateAsync(configure: services =>
            services.ConfigureDbContext<LearnDbContext>((_, options) => options.AddInterceptors(queries)));
        await content.QueryAsync(GenerateAsync);

        // Warm up, as a running site is: the JIT optimises code that has run often.
        for (var run = 0; run < 20; run++) await content.UseAsync<ContentTranslations, TranslationCoverage>(t => t.CoverageAsync());
        var times = new List<(double Wall, double Cpu)>();
        TranslationCoverage? coverage = null;
        for (var run = 0; run < 9; run++)
        {
            await using var scope = content.Services.CreateAsyncScope();
            var translations = scope.ServiceProvider.GetRequiredService<ContentTranslations>();
            queries.Count = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            coverage = await translations.CoverageAsync();
            times.Add((watch.Elapsed.TotalMilliseconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds));
            Assert.Equal(1, queries.Count);
        }

        var wall = times.Select(t => t.Wall).Order().ToList();
        var processor = times.Select(t => t.Cpu).Order().ToList();
        output.WriteLine($"Coverage of {Keys * 2 + RussianOnly:N0} items: wall fastest {wall[0]:0.0} ms, median {wall[4]:0.0} ms; " +
            $"process CPU fastest {processor[0]:0.0} ms, median {processor[4]:0.0} ms; machine load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        // Lessons are keys with i % 2 == 0; every fifth key is in each state by i % 5 (see GenerateAsync).
        var lessons = coverage!.For(ContentTypeNames.Lesson, TranslationDirection.RussianToKazakh);
        Assert.Equal((1500, 500, 500, RussianOnly / 2), (lessons.UpToDate, lessons.Outdated, lessons.Draft, lessons.Missing));
        var pages = coverage.For(ContentTypeNames.Page, TranslationDirection.KazakhToRussian);
        Assert.Equal(Keys / 2, pages.Items.Count);
        // A bound that a busy shared machine keeps and a query per item would not; the figure to watch is the one written above.
        Assert.True(wall[4] < 500, $"median {wall[4]:0.0} ms");
    }

    /// <summary>
    /// Keys 0…4999 in both languages, alternately lessons and pages; by i % 5 the Kazakh item is a draft (0),
    /// recorded in step with an older Russian version (1: outdated), recorded in step with the current one (2),
    /// imported at the same time (3, 4); keys 5000…5499 are only in Russian.
    /// </summary>
    private static async Task<int> GenerateAsync(LearnDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var at = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
        var itemId = 0;
        for (var i = 0; i < Keys + RussianOnly; i++)
        {
            var type = i % 2 == 0 ? ContentTypeNames.Lesson : ContentTypeNames.Page;
            var key = $"item-{i}";
            var outdated = i < Keys && i % 5 == 1;
            var ru = ++itemId;
            await ItemAsync(connection, ru, type, "ru", key, at);
            await VersionAsync(connection, ru, 1, latest: !outdated, published: !outdated, $"Материал {i}", at, null, null);
            if (outdated) await VersionAsync(connection, ru, 2, latest: true, published: true, $"Материал {i}, вторая редакция", at.AddDays(1), null, null);
            if (i >= Keys) continue;
            var kk = ++itemId;
            await ItemAsync(connection, kk, type, "kk", key, at);
            await VersionAsync(connection, kk, 1, latest: true, published: i % 5 != 0, $"Материал {i} (kk)", at, i % 5 is 0 or 1 or 2 ? "ru" : null, i % 5 is 0 or 1 or 2 ? 1 : null);
        }
        await transaction.CommitAsync();
        return itemId;
    }

    private static async Task ItemAsync(DbConnection connection, int id, string type, string culture, string key, DateTime at) =>
        await ExecuteAsync(connection, "INSERT INTO ContentItems (Id, ContentType, Culture, TranslationKey, CreatedUtc) VALUES ($id, $type, $culture, $key, $at)",
            ("$id", id), ("$type", type), ("$culture", culture), ("$key", key), ("$at", at));

    private static async Task VersionAsync(DbConnection connection, int item, int number, bool latest, bool published, string title, DateTime at, string? sourceCulture, int? sourceVersion) =>
        await ExecuteAsync(connection,
            "INSERT INTO ContentItemVersions (ContentItemId, Number, Latest, Published, Title, Slug, Body, Metadata, ContentHash, Author, CreatedUtc, PublishedUtc, SourceCulture, SourceVersion) " +
            "VALUES ($item, $number, $latest, $published, $title, $slug, 'Текст.', '{}', '', 'generator', $at, $publishedAt, $sourceCulture, $sourceVersion)",
            ("$item", item), ("$number", number), ("$latest", latest), ("$published", published), ("$title", title), ("$slug", $"item-{item}"), ("$at", at),
            ("$publishedAt", published ? at : null), ("$sourceCulture", sourceCulture), ("$sourceVersion", sourceVersion));

    private static async Task ExecuteAsync(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        await command.ExecuteNonQueryAsync();
    }

    private sealed class QueryCounter : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return ValueTask.FromResult(result);
        }
    }
}
