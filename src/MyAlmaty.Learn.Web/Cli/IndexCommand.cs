using System.CommandLine;
using Lucene.Net.Store;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search.Indexing;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Web;

/// <summary>`index rebuild`: fills the search indexes afresh from the database, with a progress bar.</summary>
public static class IndexCommand
{
    public const string Rebuilding = "Rebuilding the search indexes from the database…";
    public const string Busy = "The search index is in use by a running site. Stop the site first: a site rebuilds a missing or broken index by itself when it starts.";
    public const string DoneOne = "{1}: {0} item indexed.";
    public const string DoneMany = "{1}: {0} items indexed.";

    private const int BarWidth = 30;

    public static Command Create()
    {
        var language = new Option<string>("--lang") { Description = "Language of the messages: ru or kk.", DefaultValueFactory = _ => Cultures.Default };
        language.AcceptOnlyFromAmong([.. Cultures.All]);
        var rebuild = new Command("rebuild", "Rebuilds the search index of every language from the database. The site must be stopped.") { language };
        rebuild.TreatUnmatchedTokensAsErrors = false;
        rebuild.SetAction((result, cancel) => RebuildAsync([.. result.UnmatchedTokens], result.GetValue(language)!, cancel));
        return new Command("index", "Manages the search indexes.") { rebuild };
    }

    private static async Task<int> RebuildAsync(string[] args, string culture, CancellationToken cancellationToken)
    {
        var builder = SiteHost.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The progress bar says what the indexer would log.
        builder.Logging.AddFilter("MyAlmaty.Learn.Search", LogLevel.Warning);
        await using var app = builder.Build();
        var strings = app.Services.GetRequiredService<UiStrings>();
        await app.Services.GetRequiredService<SiteInitializer>().MigrateAsync(cancellationToken);
        Console.WriteLine(strings.Get(culture, Rebuilding));
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        try
        {
            foreach (var index in app.Services.GetRequiredService<SearchIndexes>().All)
            {
                var bar = new ProgressBar(index.Culture);
                await indexer.RebuildAsync(index, bar, cancellationToken);
                bar.Finish();
                Console.WriteLine(strings.Plural(culture, index.Search(s => s.IndexReader.NumDocs), DoneOne, DoneMany, index.Culture));
            }
        }
        catch (LockObtainFailedException)
        {
            Console.Error.WriteLine(strings.Get(culture, Busy));
            return 1;
        }
        return 0;
    }

    /// <summary>«ru [██████████░░░░]  50% 40/80», redrawn in place on a terminal; once, when done, otherwise.</summary>
    private sealed class ProgressBar(string label) : IProgress<RebuildProgress>
    {
        private readonly bool _live = !Console.IsOutputRedirected;
        private RebuildProgress? _last;

        public void Report(RebuildProgress value)
        {
            _last = value;
            if (_live) Console.Write("\r" + Line(value));
        }

        public void Finish()
        {
            if (_last is { } last) Console.Write((_live ? "\r" : "") + Line(last));
            Console.WriteLine();
        }

        private string Line(RebuildProgress p)
        {
            var share = p.Total == 0 ? 1.0 : (double)p.Done / p.Total;
            var filled = (int)Math.Round(share * BarWidth);
            return $"{label} [{new string('█', filled)}{new string('░', BarWidth - filled)}] {share,4:P0} {p.Done}/{p.Total}";
        }
    }
}
