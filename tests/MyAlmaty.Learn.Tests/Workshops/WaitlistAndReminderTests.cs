using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Scheduling;
using MyAlmaty.Learn.Tests.Mail;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Workshops.Registrations;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopSites;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>A freed place goes to the first one waiting; reminders reach everyone with a place once, even across a restart.</summary>
public sealed class WaitlistAndReminderTests
{
    private static FormUrlEncodedContent Form(string email) => new([new("name", "Гульнара"), new("email", email), new("language", "ru")]);

    [Fact]
    public async Task Places_given_up_while_others_register_go_to_those_waiting_in_order_without_overbooking_and_each_gets_one_email()
    {
        using var content = WithWorkshops(("small.ru.md", Workshop("Малый круг", InDays(10), capacity: 5)));
        await using var site = await TestSite.StartAsync(contentPath: content.Path);
        for (var i = 0; i < 10; i++) await site.Client.PostAsync("/ru/workshops/small/register", Form($"first{i}@example.kz"));
        var rows = await RegistrationsAsync(site, "small");
        var cancels = rows.Where(r => r.Status == RegistrationStatus.Registered).Take(3).Select(r => r.Id).ToList();
        var tokens = site.Services.GetRequiredService<MyAlmaty.Learn.Workshops.WorkshopTokens>();

        await Task.WhenAll(cancels.Select(async id =>
        {
            using var client = site.NewClient();
            var path = $"/ru/workshops/cancel/{tokens.Create(MyAlmaty.Learn.Workshops.WorkshopLink.Cancel, id, DateTime.UtcNow.AddDays(1))}";
            var (_, page) = await Html.GetAsync(client, path);
            using var response = await Forms.PostAsync(client, page, path, ("confirm", "yes"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }).Concat(Enumerable.Range(0, 10).Select(async i =>
        {
            using var client = site.NewClient();
            using var response = await client.PostAsync("/ru/workshops/small/register", Form($"late{i}@example.kz"));
        })));

        rows = await RegistrationsAsync(site, "small");
        Assert.Equal(5, rows.Count(r => r.Status == RegistrationStatus.Registered));
        Assert.Equal(5, await SeatsTakenAsync(site, "small"));
        // The three who waited longest got the places; those who came later still wait.
        var waited = new[] { "first5@example.kz", "first6@example.kz", "first7@example.kz", "first8@example.kz", "first9@example.kz" };
        var promoted = rows.Where(r => waited.Contains(r.Email) && r.Status == RegistrationStatus.Registered).Select(r => r.Email).Order().ToList();
        Assert.Equal(waited[..3], promoted);
        Assert.All(rows.Where(r => r.Email.StartsWith("late", StringComparison.Ordinal)), r => Assert.Equal(RegistrationStatus.Waitlisted, r.Status));
        foreach (var email in promoted)
        {
            var subjects = (await OutboxAsync(site, email)).Select(m => m.Subject).ToList();
            Assert.Equal(["Вы в листе ожидания: Малый круг", "Для вас освободилось место: Малый круг"], subjects);
        }
    }

    [Fact]
    public async Task Reminders_a_day_before_reach_everyone_with_a_place_once_after_a_restart_that_missed_their_time_even_with_two_runners()
    {
        var start = new DateTimeOffset(DateTime.UtcNow.Year + 1, 3, 1, 6, 0, 0, TimeSpan.Zero);
        var startsAlmaty = start.UtcDateTime.AddHours(5 + 30);
        using var content = WithWorkshops(("soon.ru.md", Workshop("Скоро", startsAlmaty, capacity: 2)));
        using var data = new TempFolder();
        var clock = new TestClock(start);
        var emails = new[] { "one@example.kz", "two@example.kz", "three@example.kz" };
        await using (var site = await TestSite.StartOnAsync(data, content.Path, s => s.AddSingleton<TimeProvider>(clock)))
        {
            foreach (var email in emails) await site.Client.PostAsync("/ru/workshops/soon/register", Form(email));
            Assert.Equal(0, await site.Services.GetRequiredService<ScheduledJobRunner>().RunDueAsync());
        }

        // The site was down when the reminder was due; it comes back 7 hours later (23 hours before the start).
        clock.Advance(TimeSpan.FromHours(7));
        await using (var site = await TestSite.StartOnAsync(data, content.Path, s => s.AddSingleton<TimeProvider>(clock)))
        {
            var second = ActivatorUtilities.CreateInstance<ScheduledJobRunner>(site.Services);
            await Task.WhenAll(site.Services.GetRequiredService<ScheduledJobRunner>().RunDueAsync(), second.RunDueAsync());
            await Task.Delay(300);

            foreach (var email in emails.Take(2))
            {
                Assert.Single(await OutboxAsync(site, email), m => m.Subject == "Завтра: Скоро");
                Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, email, 2), m => m.Subject == "Завтра: Скоро");
            }
            Assert.DoesNotContain(await OutboxAsync(site, "three@example.kz"), m => m.Subject == "Завтра: Скоро");

            // Half an hour before the start: the hour's reminder. At the start, the one still waiting learns that no place freed up.
            clock.Advance(TimeSpan.FromHours(22.5));
            await site.Services.GetRequiredService<ScheduledJobRunner>().RunDueAsync();
            Assert.Single(await OutboxAsync(site, "one@example.kz"), m => m.Subject == "Через час: Скоро");
            Assert.DoesNotContain(await OutboxAsync(site, "three@example.kz"), m => m.Subject == "Место не освободилось: Скоро");
            clock.Advance(TimeSpan.FromHours(0.5));
            await site.Services.GetRequiredService<ScheduledJobRunner>().RunDueAsync();
            Assert.Contains(await OutboxAsync(site, "three@example.kz"), m => m.Subject == "Место не освободилось: Скоро");
            Assert.Equal(RegistrationStatus.Expired, (await RegistrationsAsync(site, "soon")).Single(r => r.Email == "three@example.kz").Status);
        }
    }
}
