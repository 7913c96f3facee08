using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Search.Querying;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>The content-change journal: one entry per operation, in the same save, followed by every node.</summary>
public sealed class ContentJournalTests
{
    private static readonly ContentKey About = new("ru", ContentTypeNames.Page, "about");

    [Fact]
    public async Task Each_operation_writes_one_entry_with_who_which_item_and_version()
    {
        await using var site = await TestSite.StartAsync();
        var start = await PositionAsync(site);

        await ChangeAsync(site, p => p.ReviseAsync(About, "О программе", "Черновик.", "editor-1", publish: false));
        await ChangeAsync(site, p => p.PublishAsync(About, "editor-2"));
        await ChangeAsync(site, p => p.PublishAsync(About, "editor-2"));
        await ChangeAsync(site, p => p.ReviseAsync(About, "О программе", "Сразу на сайт.", "editor-1", publish: true));
        await ChangeAsync(site, p => p.UnpublishAsync(About, "editor-3"));
        await ChangeAsync(site, p => p.UnpublishAsync(About, "editor-3"));
        await ChangeAsync(site, p => p.DeleteAsync(About, "admin"));

        var entries = await EntriesAsync(site, start);
        Assert.Equal(
            [
                (ContentOperation.Revised, "editor-1", (int?)2),
                (ContentOperation.Published, "editor-2", 2),
                (ContentOperation.Revised, "editor-1", 3),
                (ContentOperation.Published, "editor-1", 3),
                (ContentOperation.Unpublished, "editor-3", 3),
                (ContentOperation.Deleted, "admin", 3),
            ],
            entries.Select(e => (e.Operation, e.Actor, e.VersionNumber)));
        Assert.All(entries, e => Assert.Equal(About, e.Key));
        // The entries outlive the item; only their link to the deleted row is gone.
        Assert.All(entries, e => Assert.Null(e.ContentItemId));
    }

    [Fact]
    public async Task The_import_journals_each_file_it_adds_or_changes_and_nothing_for_unchanged_ones()
    {
        using var content = new TempFolder();
        SampleContent.WriteTo(content);
        using var data = new TempFolder();
        await (await TestSite.StartOnAsync(data, $"--Site:ContentPath={content.Path}")).DisposeAsync();

        await using (var site = await TestSite.StartOnAsync(data, $"--Site:ContentPath={content.Path}"))
        {
            var all = await EntriesAsync(site, 0);
            var imported = all.Where(e => e.Operation == ContentOperation.Imported).ToList();
            Assert.Equal(SampleContent.Files.Count, imported.Count);
            Assert.All(all, e => Assert.Equal(ContentActors.Import, e.Actor));
            Assert.All(imported, e => Assert.NotNull(e.Note));
            // The restart found every file unchanged: no second entry.
            Assert.Equal(imported.Count, imported.Select(e => e.Key).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_change_to_content_without_a_journal_entry_is_refused()
    {
        await using var site = await TestSite.StartAsync();
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var version = await db.Set<ContentItemVersion>().FirstAsync(v => v.Published);
        version.Title = "Тихая правка";

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("journal", refused.Message);
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());

        // The same change with its entry is saved.
        var item = await db.Set<ContentItem>().FirstAsync(i => i.Id == version.ContentItemId);
        ContentJournal.Record(db, item, ContentOperation.Revised, "editor", DateTime.UtcNow, version.Number);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_second_site_process_on_the_same_database_shows_a_publish_on_its_page_and_in_search_within_a_second()
    {
        using var data = new TempFolder();
        await using var first = await TestSite.StartOnAsync(data);
        using var otherData = new TempFolder();
        await using var second = await TestSite.StartOnAsync(otherData,
            $"--Storage:ConnectionString=Data Source={Path.Combine(data.Path, "learn.db")};Pooling=True", "--Site:ImportOnStart=false");
        // The second node's page is in its cache before the change.
        Assert.DoesNotContain("Новая редакция", await second.Client.GetStringAsync("/ru/about"));
        Assert.DoesNotContain("Новая редакция", await second.Client.GetStringAsync("/ru/about"));

        await ChangeAsync(first, p => p.ReviseAsync(About, "О программе: Новая редакция", "Текст со словом светофорник.", "editor", publish: true));

        var clock = Stopwatch.StartNew();
        string page;
        do
        {
            page = await second.Client.GetStringAsync("/ru/about");
            if (page.Contains("Новая редакция") && Finds(second, "светофорник")) break;
            await Task.Delay(20);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(1));
        Assert.Contains("Новая редакция", page);
        Assert.True(Finds(second, "светофорник"), "the second node's search did not follow within a second");
        Assert.Equal(await PositionAsync(first), second.Services.GetRequiredService<PublishedContent>().Current.JournalPosition);
    }

    private static async Task ChangeAsync(TestSite site, Func<ContentPublishing, Task<bool>> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await change(scope.ServiceProvider.GetRequiredService<ContentPublishing>()));
    }

    private static async Task<long> PositionAsync(TestSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await ContentJournal.PositionAsync(scope.ServiceProvider.GetRequiredService<LearnDbContext>(), CancellationToken.None);
    }

    private static async Task<List<ContentChange>> EntriesAsync(TestSite site, long after)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentChange>().AsNoTracking()
            .Where(c => c.Id > after).OrderBy(c => c.Id).ToListAsync();
    }

    private static bool Finds(TestSite site, string text) =>
        site.Services.GetRequiredService<SiteSearch>().Search(new SearchRequest { Culture = "ru", Text = text }) is { Notice: SearchNotice.None, Total: > 0 };
}
