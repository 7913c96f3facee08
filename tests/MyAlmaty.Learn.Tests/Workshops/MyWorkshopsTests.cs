using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Registrations;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopSites;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>A learner's workshops beside their courses, and what becomes of them when the account is deleted.</summary>
public sealed class MyWorkshopsTests
{
    [Fact]
    public async Task My_learning_shows_where_I_have_a_place_wait_or_took_part_suggests_workshops_after_a_finished_course_and_deleting_the_account_frees_my_places()
    {
        using var content = WithWorkshops(
            ("full.ru.md", Workshop("Полный зал", InDays(5), capacity: 1)),
            ("open.ru.md", Workshop("Открытая встреча", InDays(6), capacity: 10)),
            ("came.ru.md", Workshop("Встреча, где я был", InDays(7), capacity: 10)),
            ("next.ru.md", Workshop("После курса", InDays(8), capacity: 10, course: "c")));
        await using var site = await TestSite.StartAsync(contentPath: content.Path, extraArgs: "--Site:AccountRequestsPerMinute=100000");
        await site.Client.PostAsync("/ru/workshops/full/register", new FormUrlEncodedContent([new("name", "Первая"), new("email", "first@example.kz"), new("language", "ru")]));
        using var learner = await RoleClients.PersonAsync(site, RoleNames.Learner, name: "Ерлан");

        foreach (var slug in new[] { "full", "open", "came" })
        {
            using var registered = await Forms.SubmitAsync(learner.Client, $"/ru/workshops/{slug}", $"/ru/workshops/{slug}/register", ("language", "ru"));
            Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        }
        Assert.All((await OutboxAsync(site, learner.Email)).Select(m => m.TextBody), text => Assert.Contains("Здравствуйте, Ерлан!", text));
        await InScopeAsync(site, sp => sp.GetRequiredService<LearnDbContext>().Set<WorkshopRegistration>()
            .Where(r => r.WorkshopKey == "came").ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInUtc, DateTime.UtcNow)));

        var (_, before) = await Html.GetAsync(learner.Client, "/ru/my");
        Assert.Contains("Открытая встреча", before.QuerySelector(".my-workshop-registered")!.TextContent);
        Assert.StartsWith("/ru/workshops/ticket/", before.QuerySelector(".my-workshop-registered a[href*='/ticket/']")!.GetAttribute("href"));
        Assert.Contains("В листе ожидания, номер 1", before.QuerySelector(".my-workshop-waitlisted")!.TextContent);
        Assert.Contains("Вы участвовали", before.QuerySelector(".my-workshop-attended")!.TextContent);
        Assert.Null(before.QuerySelector(".my-workshop-suggested"));

        await Forms.SubmitAsync(learner.Client, "/ru/courses/c/l", "/ru/courses/c/l/done");
        var (_, after) = await Html.GetAsync(learner.Client, "/ru/my");
        Assert.Equal("После курса", after.QuerySelector(".my-workshop-suggested a")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(learner.Client, "/ru/account", "/ru/account/delete", ("confirm", "on"))).StatusCode);
        Assert.Empty(await InScopeAsync(site, sp => sp.GetRequiredService<LearnDbContext>().Set<WorkshopRegistration>().Where(r => r.Email == learner.Email).ToListAsync()));
        Assert.Equal(0, await SeatsTakenAsync(site, "open"));
        Assert.Equal(1, await SeatsTakenAsync(site, "full"));
    }
}
