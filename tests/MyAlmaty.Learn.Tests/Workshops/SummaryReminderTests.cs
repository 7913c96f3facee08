using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Tests.Mail;
using MyAlmaty.Learn.Tests.Support;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopFixtures;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>Facilitators who have not published their workshop's summary are reminded 3 and 7 days after it, once each.</summary>
public sealed class SummaryReminderTests
{
    // 14 March 2027, 18:30–20:30 in Almaty: the workshop ends at 15:30 UTC.
    private static readonly DateTime StartsAlmaty = new(2027, 3, 14, 18, 30, 0);
    private static readonly DateTime EndsUtc = new(2027, 3, 14, 15, 30, 0, DateTimeKind.Utc);

    private static Task<TestSite> NodeAsync(TempFolder data, TempFolder content, TestClock clock) =>
        TestSite.StartOnAsync(data, s => s.AddSingleton<TimeProvider>(clock), "--Scheduling:PollInterval=01:00:00", $"--Site:ContentPath={content.Path}");

    [Fact]
    public async Task Reminders_missed_while_the_site_was_down_go_out_when_it_starts_again_in_each_facilitators_language_and_stop_once_a_summary_is_published()
    {
        using var content = WorkshopContent(StartsAlmaty);
        using var data = new TempFolder();
        var clock = new TestClock(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        string russian, kazakh, other;
        await using (var before = await NodeAsync(data, content, clock))
        {
            russian = await FacilitatorAsync(before, "Айгерим", "ru");
            kazakh = await FacilitatorAsync(before, "Ерлан", "kk");
            other = await FacilitatorAsync(before, "Дмитрий", "ru", workshop: "another");
            Assert.Equal([EndsUtc.AddDays(3), EndsUtc.AddDays(7)], (await JobsAsync(before)).Where(j => j.Kind.StartsWith("summary-reminder", StringComparison.Ordinal)).Select(j => j.DueUtc));
        }

        // The site was down on the third day after the workshop; it starts on the fourth.
        clock.Advance(EndsUtc.AddDays(4) - clock.UtcNow);
        await using var site = await NodeAsync(data, content, clock);
        await RunJobsAsync(site);

        var ru = Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, russian));
        Assert.Equal($"Пора подвести итоги встречи «{TitleRu}»", ru.Subject);
        Assert.Contains($"Встреча «{TitleRu}» закончилась 3 дня назад", ru.TextBody);
        Assert.True(ru.TextBody!.Contains($"{site.Address.GetLeftPart(UriPartial.Authority)}/admin/content/new/summaries/ru?workshop=yards", StringComparison.Ordinal), ru.TextBody);
        var kk = Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, kazakh));
        Assert.Equal($"«{TitleKk}» кездесуінің қорытындысын жазатын уақыт келді", kk.Subject);
        Assert.Contains("/admin/content/new/summaries/kk?workshop=yards", kk.TextBody);
        Assert.Empty(await OutboxAsync(site, other));

        // A summary published on the fifth day: the reminder of the seventh has nothing to remind of.
        await PublishSummaryAsync(site, "kk", Summary("kk"));
        clock.Advance(TimeSpan.FromDays(4));
        // Two jobs ran: the summary's mail to attendees (there are none) and the reminder, which wrote nothing.
        Assert.Equal(2, await RunJobsAsync(site));
        Assert.Single(await OutboxAsync(site, russian));
        Assert.Single(await OutboxAsync(site, kazakh));
    }

    [Fact]
    public async Task Without_a_summary_each_reminder_goes_once_and_a_workshop_moved_later_moves_its_reminders()
    {
        using var content = WorkshopContent(StartsAlmaty);
        using var data = new TempFolder();
        var clock = new TestClock(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var site = await NodeAsync(data, content, clock);
        var facilitator = await FacilitatorAsync(site, "Айгерим", "ru");

        // The workshop moves a week later before it takes place: so do its reminders.
        content.Write("workshops/yards.ru.md", Workshop("ru", StartsAlmaty.AddDays(7)));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Learn.Content.Import.ContentImporter>().ImportAsync(content.Path);
        }
        var moved = EndsUtc.AddDays(7);
        Assert.Equal([moved.AddDays(3), moved.AddDays(7)], (await JobsAsync(site)).Where(j => j.Kind.StartsWith("summary-reminder", StringComparison.Ordinal)).Select(j => j.DueUtc));

        clock.Advance(EndsUtc.AddDays(4) - clock.UtcNow);
        Assert.Equal(0, await RunJobsAsync(site));
        clock.Advance(moved.AddDays(3) - clock.UtcNow);
        Assert.Equal(1, await RunJobsAsync(site));
        Assert.Contains("закончилась 3 дня назад", (await OutboxAsync(site, facilitator)).Single().TextBody);
        clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await RunJobsAsync(site));
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, await RunJobsAsync(site));

        var sent = await OutboxAsync(site, facilitator);
        Assert.Equal(2, sent.Count);
        Assert.Contains("закончилась 7 дней назад", sent[1].TextBody);
    }

    [Fact]
    public async Task A_workshop_entered_after_it_took_place_gets_no_reminders_from_the_past()
    {
        using var content = WorkshopContent(StartsAlmaty);
        using var data = new TempFolder();
        var clock = new TestClock(new DateTimeOffset(2027, 3, 19, 9, 0, 0, TimeSpan.Zero));
        await using var site = await NodeAsync(data, content, clock);

        Assert.Equal([EndsUtc.AddDays(7)], (await JobsAsync(site)).Where(j => j.Kind.StartsWith("summary-reminder", StringComparison.Ordinal)).Select(j => j.DueUtc));
    }
}
