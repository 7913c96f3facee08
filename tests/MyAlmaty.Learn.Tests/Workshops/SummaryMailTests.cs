using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Tests.Support;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopFixtures;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>When a workshop's summary is published, everyone who came hears of it, once, in their own language.</summary>
public sealed class SummaryMailTests
{
    // The runner is left to the test, so that what is published together is mailed together.
    private static readonly string[] Manual = ["--Scheduling:PollInterval=01:00:00"];

    private static readonly DateTime LastMonth = DateTime.UtcNow.AddDays(-30).Date.AddHours(18);

    [Fact]
    public async Task Each_attendee_gets_the_summary_once_in_their_language_and_alphabet_and_nobody_else_gets_it()
    {
        using var content = WorkshopContent(LastMonth);
        await using var site = await TestSite.StartAsync(content.Path, extraArgs: Manual);
        var russian = await RegisterAsync(site, "Дина", "ru", came: true);
        var kazakh = await RegisterAsync(site, "Асель", "kk", came: true);
        var latin = await RegisterAsync(site, "Ерлан", "kk", came: true, latin: true);
        var absent = await RegisterAsync(site, "Олег", "ru", came: false);
        var elsewhere = await RegisterAsync(site, "Мадина", "ru", came: true, workshop: "other");

        await PublishSummaryAsync(site, "ru", Summary("ru"));
        await PublishSummaryAsync(site, "kk", Summary("kk"));
        Assert.Equal(1, await RunJobsAsync(site));

        var ru = Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, russian));
        Assert.Equal($"Опубликованы итоги встречи «{TitleRu}»", ru.Subject);
        Assert.Contains("Здравствуйте, Дина!", ru.TextBody);
        Assert.Contains("Что мы решили сделать во дворах.", ru.TextBody);
        Assert.Contains($"{site.Address.GetLeftPart(UriPartial.Authority)}/ru/summaries/yards-summary", ru.TextBody);

        var kk = Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, kazakh));
        var kazakhSubject = $"«{TitleKk}» кездесуінің қорытындысы жарияланды";
        Assert.Equal(kazakhSubject, kk.Subject);
        Assert.Contains("Аулаларда не істеуге келістік.", kk.TextBody);
        Assert.Contains("/kk/summaries/yards-summary", kk.TextBody);
        Assert.DoesNotContain("тек орыс тілінде", kk.TextBody);

        var lat = Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, latin));
        Assert.Equal(KazakhLatin.ToLatin(kazakhSubject), lat.Subject);
        Assert.Contains(KazakhLatin.ToLatin("Аулаларда не істеуге келістік."), lat.TextBody);
        Assert.Contains("/kk/script/latn?return=%2Fkk%2Fsummaries%2Fyards-summary", lat.TextBody);

        Assert.Empty(await OutboxAsync(site, absent));
        Assert.Empty(await OutboxAsync(site, elsewhere));

        // A corrected summary, published again in both languages, tells nobody twice.
        await PublishSummaryAsync(site, "ru", Summary("ru").Replace("субботника", "субботника в апреле"));
        await PublishSummaryAsync(site, "kk", Summary("kk").Replace("Сенбіліктен", "Сәуірдегі сенбіліктен"));
        Assert.Equal(0, await RunJobsAsync(site));
        foreach (var person in new[] { russian, kazakh, latin }) Assert.Single(await OutboxAsync(site, person));
    }

    [Fact]
    public async Task A_summary_published_in_one_language_first_reaches_everyone_and_the_second_language_sends_nothing_more()
    {
        using var content = WorkshopContent(LastMonth);
        await using var site = await TestSite.StartAsync(content.Path, extraArgs: Manual);
        var russian = await RegisterAsync(site, "Дина", "ru", came: true);
        var kazakh = await RegisterAsync(site, "Асель", "kk", came: true);

        await PublishSummaryAsync(site, "ru", Summary("ru"));
        await RunJobsAsync(site);

        // The Kazakh reader is written to in Kazakh, told the summary exists in Russian for now, and sent to it.
        var kk = Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, kazakh));
        Assert.Equal($"«{TitleKk}» кездесуінің қорытындысы жарияланды", kk.Subject);
        Assert.Contains("Әзірге қорытынды тек орыс тілінде жарияланған.", kk.TextBody);
        Assert.Contains("/ru/summaries/yards-summary", kk.TextBody);
        Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, russian));

        await PublishSummaryAsync(site, "kk", Summary("kk"));
        Assert.Equal(0, await RunJobsAsync(site));
        Assert.Single(await OutboxAsync(site, russian));
        Assert.Single(await OutboxAsync(site, kazakh));
    }

    [Fact]
    public async Task Two_nodes_running_their_jobs_at_the_same_moment_mail_each_attendee_once()
    {
        using var content = WorkshopContent(LastMonth);
        using var data = new TempFolder();
        await using var first = await TestSite.StartOnAsync(data, [.. Manual, $"--Site:ContentPath={content.Path}"]);
        // The second node has its own data folder (search index, pickup) and shares the database.
        using var otherData = new TempFolder();
        await using var second = await TestSite.StartOnAsync(otherData, [.. Manual, "--Site:ImportOnStart=false",
            $"--Storage:ConnectionString=Data Source={Path.Combine(data.Path, "learn.db")};Pooling=True"]);
        var attendee = await RegisterAsync(first, "Дина", "ru", came: true);
        await PublishSummaryAsync(first, "ru", Summary("ru"));

        var ran = await Task.WhenAll(RunJobsAsync(first), RunJobsAsync(second));

        Assert.Equal(1, ran.Sum());
        Assert.Single(await OutboxAsync(first, attendee));
    }

    [Fact]
    public async Task A_summary_taken_off_before_its_mail_went_waits_for_its_next_publication()
    {
        using var content = WorkshopContent(LastMonth);
        await using var site = await TestSite.StartAsync(content.Path, extraArgs: Manual);
        var attendee = await RegisterAsync(site, "Дина", "ru", came: true);
        await PublishSummaryAsync(site, "ru", Summary("ru"));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var publishing = scope.ServiceProvider.GetRequiredService<ContentPublishing>();
            Assert.True(await publishing.UnpublishAsync(new ContentKey("ru", ContentTypeNames.SessionSummary, "yards-summary"), "editor"));
        }
        Assert.Equal(0, await RunJobsAsync(site));
        Assert.Empty(await OutboxAsync(site, attendee));

        await PublishSummaryAsync(site, "ru", Summary("ru"));
        Assert.Equal(1, await RunJobsAsync(site));
        Assert.Single(await OutboxAsync(site, attendee));
    }
}
