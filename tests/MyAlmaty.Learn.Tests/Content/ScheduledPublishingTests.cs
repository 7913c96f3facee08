using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Admin;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Content;

/// <summary>A version scheduled for an Almaty date and time goes on the site by itself, once, even after a restart that missed it.</summary>
public sealed class ScheduledPublishingTests
{
    private static readonly ContentKey About = new("ru", ContentTypeNames.Page, "about");
    private const string Fast = "--Content:SchedulePollInterval=00:00:00.100";

    [Fact]
    public async Task A_scheduled_draft_goes_on_the_site_at_its_time_once_on_two_nodes()
    {
        using var data = new TempFolder();
        await using var first = await TestSite.StartOnAsync(data, Fast);
        using var otherData = new TempFolder();
        await using var second = await TestSite.StartOnAsync(otherData, Fast,
            $"--Storage:ConnectionString=Data Source={Path.Combine(data.Path, "learn.db")};Pooling=True", "--Site:ImportOnStart=false");
        await ChangeAsync(first, p => p.ReviseAsync(About, "О программе — к открытию сезона", "Текст к открытию.", "editor-1", publish: false));
        var at = DateTime.UtcNow.AddSeconds(1.5);

        await ChangeAsync(first, p => p.ScheduleAsync(About, 2, at, "editor-1"));
        Assert.Equal("О программе «МыАлматы»", Live(first)!.Title);

        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(6) && Live(second)?.Title != "О программе — к открытию сезона") await Task.Delay(50);
        Assert.Equal("О программе — к открытию сезона", Live(second)!.Title);
        Assert.True(DateTime.UtcNow >= at);
        await Task.Delay(500);
        var entries = await EntriesAsync(first);
        Assert.Equal([ContentOperation.Revised, ContentOperation.Scheduled, ContentOperation.Published], entries.Select(e => e.Operation));
        var published = entries[^1];
        Assert.Equal((ContentActors.Schedule, (int?)2, (string?)"editor-1"), (published.Actor, published.VersionNumber, published.Note));
        await using var scope = first.Services.CreateAsyncScope();
        Assert.Null((await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentItem>().SingleAsync(i => i.TranslationKey == "about" && i.Culture == "ru")).PublishAtUtc);
    }

    [Fact]
    public async Task A_publication_whose_time_passed_while_the_site_was_down_goes_out_when_it_starts()
    {
        using var data = new TempFolder();
        await using (var site = await TestSite.StartOnAsync(data, "--Content:SchedulePollInterval=01:00:00"))
        {
            await ChangeAsync(site, p => p.ReviseAsync(About, "О программе — пока сайт спал", "Текст.", "editor-1", publish: false));
            await ChangeAsync(site, p => p.ScheduleAsync(About, 2, DateTime.UtcNow.AddMilliseconds(300), "editor-1"));
            // The first check ran at start; the next is an hour away.
            await Task.Delay(600);
            Assert.Equal("О программе «МыАлматы»", Live(site)!.Title);
        }

        await using var again = await TestSite.StartOnAsync(data, Fast);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(3) && Live(again)?.Title != "О программе — пока сайт спал") await Task.Delay(50);
        Assert.Equal("О программе — пока сайт спал", Live(again)!.Title);
        Assert.Single(await EntriesAsync(again), e => e.Operation == ContentOperation.Published);
    }

    [Fact]
    public async Task An_editor_schedules_at_an_almaty_time_and_a_time_in_the_past_is_refused()
    {
        await using var site = await TestSite.StartAsync();
        using var editor = await RoleClients.SignInAsync(site, RoleNames.Editor);
        var (_, page) = await AdminForms.OpenAsync(editor, "/admin/content/pages/ru/about");
        var form = AdminForms.Fields(page, "form[action$='/schedule']");
        var almaty = DateTime.UtcNow.AddHours(5).AddDays(2);
        form["at"] = almaty.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        using var scheduled = await AdminForms.PostAsync(editor, "/admin/content/pages/ru/about/schedule", form);

        Assert.Equal("/admin/content/pages/ru/about?notice=scheduled", scheduled.Headers.Location!.OriginalString);
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var item = await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentItem>().SingleAsync(i => i.TranslationKey == "about" && i.Culture == "ru");
            var expected = new DateTime(almaty.Year, almaty.Month, almaty.Day, almaty.Hour, almaty.Minute, 0, DateTimeKind.Utc).AddHours(-5);
            Assert.Equal(expected, item.PublishAtUtc);
        }
        var (_, after) = await AdminForms.OpenAsync(editor, "/admin/content/pages/ru/about?notice=scheduled");
        Assert.Contains(almaty.ToString("HH:mm", CultureInfo.InvariantCulture), after.QuerySelector(".schedule")!.TextContent);

        using var off = await AdminForms.PostAsync(editor, "/admin/content/pages/ru/about/unschedule", AdminForms.Fields(after, "form[action$='/unschedule']"));
        var (_, cleared) = await AdminForms.OpenAsync(editor, "/admin/content/pages/ru/about");
        var past = AdminForms.Fields(cleared, "form[action$='/schedule']");
        past["at"] = DateTime.UtcNow.AddHours(5).AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
        using var refused = await AdminForms.PostAsync(editor, "/admin/content/pages/ru/about/schedule", past);
        Assert.Equal("/admin/content/pages/ru/about?notice=schedule-past", refused.Headers.Location!.OriginalString);
        Assert.Equal(
            [ContentOperation.Scheduled, ContentOperation.Unscheduled],
            (await EntriesAsync(site)).Select(e => e.Operation).Where(o => o is ContentOperation.Scheduled or ContentOperation.Unscheduled));
    }

    private static PublishedItem? Live(TestSite site) => site.Services.GetRequiredService<PublishedContent>().Current.ByKey("ru", ContentTypeNames.Page, "about");

    private static async Task ChangeAsync(TestSite site, Func<ContentPublishing, Task<bool>> change)
    {
        await using var scope = site.Services.CreateAsyncScope();
        Assert.True(await change(scope.ServiceProvider.GetRequiredService<ContentPublishing>()));
    }

    private static async Task<List<ContentChange>> EntriesAsync(TestSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<ContentChange>().AsNoTracking()
            .Where(c => c.TranslationKey == "about" && c.Culture == "ru" && c.Actor != ContentActors.Import)
            .OrderBy(c => c.Id).ToListAsync();
    }
}
