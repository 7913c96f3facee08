using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Search.Indexing;
using MyAlmaty.Learn.Search.Querying;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>The index follows content: every change reaches search within a second, through the content journal in the database.</summary>
public sealed class SearchSyncTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly ContentKey Term = new("ru", ContentTypeNames.GlossaryTerm, "smart-city");

    [Fact]
    public async Task Publish_unpublish_edit_and_delete_reach_search_within_a_second()
    {
        await using var site = await TestSite.StartAsync();

        await ChangeAsync(site, p => p.ReviseAsync(Term, "Умный город", "Здесь есть слово квазарфонарь.", "editor", publish: true));
        Assert.True(await WithinAsync(() => Finds(site, "квазарфонарь")), "an edit that was published did not reach search within a second");

        await ChangeAsync(site, p => p.ReviseAsync(Term, "Умный город", "Черновик со словом пульсаркиоск.", "editor", publish: false));
        Assert.True(await WithinAsync(() => Finds(site, "пульсаркиоск", workspace: true)), "a draft did not reach the editors' search within a second");
        Assert.False(Finds(site, "пульсаркиоск"), "a draft was found by the public");
        Assert.True(Finds(site, "квазарфонарь"), "the published version disappeared when a draft was saved");

        await ChangeAsync(site, p => p.PublishAsync(Term, "editor"));
        Assert.True(await WithinAsync(() => Finds(site, "пульсаркиоск") && !Finds(site, "квазарфонарь")), "publishing the draft did not reach search within a second");

        await ChangeAsync(site, p => p.UnpublishAsync(Term, "editor"));
        Assert.True(await WithinAsync(() => !Finds(site, "пульсаркиоск")), "an unpublished item was still found a second later");
        var hit = Assert.Single(Search(site, "пульсаркиоск", workspace: true).Hits);
        Assert.Equal(SearchStatus.Unpublished, hit.Status);

        await ChangeAsync(site, p => p.DeleteAsync(Term, "editor"));
        Assert.True(await WithinAsync(() => !Finds(site, "пульсаркиоск", workspace: true)), "a deleted item was still found by editors a second later");
    }

    [Fact]
    public async Task A_change_is_journalled_in_the_same_save_and_the_index_cursor_moves_past_it()
    {
        await using var site = await TestSite.StartAsync();

        await ChangeAsync(site, p => p.ReviseAsync(Term, "Умный город", "Текст.", "editor", publish: true));

        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var task = await db.Set<ContentChange>().OrderBy(t => t.Id).LastAsync();
        Assert.Equal(("ru", ContentTypeNames.GlossaryTerm, "smart-city"), (task.Culture, task.ContentType, task.TranslationKey));
        var index = site.Services.GetRequiredService<SearchIndexes>().Get("ru");
        Assert.True(await WithinAsync(() => index.Cursor >= task.Id), $"cursor {index.Cursor} did not reach task {task.Id}");
    }

    [Fact]
    public async Task A_second_node_on_the_same_database_keeps_its_own_index_in_step()
    {
        using var data = new TempFolder();
        await using var first = await TestSite.StartOnAsync(data);
        using var otherData = new TempFolder();
        await using var second = await TestSite.StartOnAsync(otherData,
            $"--Storage:ConnectionString=Data Source={Path.Combine(data.Path, "learn.db")};Cache=Shared;Pooling=True", "--Site:ImportOnStart=false");
        Assert.True(Finds(second, "инициатива"), "the second node did not build its index from the shared database");

        await ChangeAsync(first, p => p.ReviseAsync(Term, "Умный город", "Слово для второго узла: туманомер.", "editor", publish: true));

        Assert.True(await WithinAsync(() => Finds(second, "туманомер")), "the second node's index did not follow within a second");
        Assert.NotEqual(first.Services.GetRequiredService<SearchIndexes>().Root, second.Services.GetRequiredService<SearchIndexes>().Root);
    }

    [Fact]
    public async Task A_node_that_was_stopped_catches_up_from_its_cursor_when_it_starts()
    {
        using var data = new TempFolder();
        await (await TestSite.StartOnAsync(data)).DisposeAsync();

        // While it is stopped, another node changes the content.
        using var otherData = new TempFolder();
        await using (var other = await TestSite.StartOnAsync(otherData,
            $"--Storage:ConnectionString=Data Source={Path.Combine(data.Path, "learn.db")};Cache=Shared;Pooling=True", "--Site:ImportOnStart=false"))
        {
            await ChangeAsync(other, p => p.ReviseAsync(Term, "Умный город", "Пока первый спал: лунокомпас.", "editor", publish: true));
        }

        // Without the import at start, which would put the file's text back.
        await using var again = await TestSite.StartOnAsync(data, "--Site:ImportOnStart=false");
        Assert.True(Finds(again, "лунокомпас"), "the restarted node did not apply the change queued while it was away");
        Assert.False(again.Services.GetRequiredService<SearchIndexes>().Get("ru").NeedsRebuild);
    }

    [Fact]
    public async Task A_broken_or_missing_index_is_rebuilt_when_the_site_starts()
    {
        using var data = new TempFolder();
        await (await TestSite.StartOnAsync(data)).DisposeAsync();
        var ru = Path.Combine(data.Path, "search", "ru");
        foreach (var segments in Directory.GetFiles(ru, "segments_*")) File.WriteAllText(segments, "not an index");
        foreach (var file in Directory.GetFiles(ru, "*.cfs")) File.WriteAllBytes(file, new byte[17]);
        Directory.Delete(Path.Combine(data.Path, "search", "kk"), recursive: true);

        await using var site = await TestSite.StartOnAsync(data);

        Assert.True(Finds(site, "инициатива"), "the broken Russian index was not rebuilt");
        Assert.True(Search(site, "бастама", culture: "kk").Total > 0, "the missing Kazakh index was not rebuilt");
        var response = await site.Client.GetAsync("/ru/search?q=%D0%B3%D0%BE%D1%80%D0%BE%D0%B4");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Searching_both_languages_keeps_no_old_reader_open_once_the_index_moves_on()
    {
        await using var site = await TestSite.StartAsync();
        var index = site.Services.GetRequiredService<SearchIndexes>().Get("ru");
        var searcher = index.Acquire();
        var reader = searcher.IndexReader;
        index.Release(searcher);
        var search = site.Services.GetRequiredService<SiteSearch>();
        for (var i = 0; i < 3; i++) Assert.True(search.Search(new SearchRequest { Culture = "ru", Text = "город", IncludeOtherLanguage = true }).Total > 0);

        await ChangeAsync(site, p => p.ReviseAsync(Term, "Умный город", "Новое слово: звездомер.", "editor", publish: true));
        Assert.True(await WithinAsync(() => Finds(site, "звездомер")));

        Assert.Equal(0, reader.RefCount);
    }

    private static async Task ChangeAsync(TestSite site, Func<ContentPublishing, Task<bool>> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await change(scope.ServiceProvider.GetRequiredService<ContentPublishing>()));
    }

    private static SearchResults Search(TestSite site, string text, bool workspace = false, string culture = "ru") =>
        site.Services.GetRequiredService<SiteSearch>().Search(new SearchRequest { Culture = culture, Text = text, Workspace = workspace });

    private static bool Finds(TestSite site, string text, bool workspace = false) =>
        Search(site, text, workspace).Notice is SearchNotice.None && Search(site, text, workspace).Total > 0;

    /// <summary>Whether <paramref name="condition"/> holds within a second of the change (checked every 10 ms).</summary>
    private static async Task<bool> WithinAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Second)
        {
            if (condition()) return true;
            await Task.Delay(10);
        }
        return condition();
    }
}
