using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Cli;

/// <summary>`index rebuild` as an operator runs it.</summary>
public sealed class IndexCommandTests
{
    [Fact]
    public async Task Rebuild_fills_each_index_from_the_database_with_a_progress_bar()
    {
        using var folder = new TempFolder();
        SampleContent.WriteTo(folder, "content");
        Assert.Equal(0, (await SiteProcess.RunAsync(folder, "import")).Exit);

        var (exit, output) = await SiteProcess.RunAsync(folder, "index", "rebuild");

        Assert.Equal(0, exit);
        Assert.Contains("Поисковые индексы перестраиваются", output);
        Assert.Matches(@"ru \[█{30}\] 100\s?% \d+/\d+", output);
        Assert.Matches(@"kk \[█{30}\] 100\s?% \d+/\d+", output);
        Assert.Matches(@"ru: в индексе \d+ материал", output);
        Assert.True(Directory.GetFiles(Path.Combine(folder.Path, "data", "search", "ru"), "segments_*").Length > 0);
    }

    [Fact]
    public async Task Rebuild_refuses_in_the_operators_language_while_a_site_holds_the_index()
    {
        using var folder = new TempFolder();
        SampleContent.WriteTo(folder, "content");
        using var data = new TempFolder();
        await using var site = await TestSite.StartOnAsync(data);

        var (exit, output) = await SiteProcess.RunAsync(folder, "index", "rebuild", "--lang", "kk", $"--Site:DataPath={data.Path}");

        Assert.Equal(1, exit);
        Assert.Contains("Іздеу индексін іске қосулы сайт пайдаланып тұр", output);
        Assert.True(site.Services.GetService(typeof(Learn.Search.Querying.SiteSearch)) is Learn.Search.Querying.SiteSearch);
    }
}
