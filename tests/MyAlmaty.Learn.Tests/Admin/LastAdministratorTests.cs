using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Admin;

/// <summary>A site always keeps one administrator who can sign in: nobody demotes, locks or deletes the last one.</summary>
public sealed class LastAdministratorTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(extraArgs: "--Site:AccountRequestsPerMinute=100000");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_last_administrator_can_be_neither_demoted_nor_locked_nor_deleted_and_the_page_says_why_until_another_can_sign_in()
    {
        using var only = await RoleClients.PersonAsync(_site, RoleNames.Administrator, name: "Гульнара");

        var (_, page) = await AdminForms.OpenAsync(only.Client, $"/admin/users/{only.Id}");
        Assert.Contains("единственный администратор", page.QuerySelector(".explain")!.TextContent);
        Assert.NotNull(page.QuerySelector($"form[action='/admin/users/{only.Id}/role'] select[disabled]"));
        Assert.Null(page.QuerySelector($"form[action='/admin/users/{only.Id}/lock']"));

        using var demoted = await PeopleAdminTests.ChangeRoleAsync(only.Client, only.Id, RoleNames.Editor);
        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Contains("Гульнара — единственный администратор", await demoted.Content.ReadAsStringAsync());
        using var deleted = await Forms.SubmitAsync(only.Client, "/ru/account", "/ru/account/delete", ("confirm", "on"));
        Assert.Equal(HttpStatusCode.Conflict, deleted.StatusCode);
        Assert.Contains("единственный администратор сайта", await deleted.Content.ReadAsStringAsync());
        // Whoever asks: the rule is about the account, not about who acts.
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var people = scope.ServiceProvider.GetRequiredService<People>();
            Assert.Equal(PeopleOutcome.LastAdministrator, (await people.LockAsync("someone-else", only.Id)).Outcome);
            Assert.Equal(PeopleOutcome.LastAdministrator, (await people.ChangeRoleAsync("someone-else", only.Id, RoleNames.Learner)).Outcome);
        }

        // An invited administrator who has not come yet does not count: the invitation may never be accepted.
        var email = AccountFlowTests.NewEmail();
        Assert.Equal(HttpStatusCode.Redirect, (await PeopleAdminTests.InviteAsync(only.Client, email, RoleNames.Administrator, "ru")).StatusCode);
        using (var stillRefused = await PeopleAdminTests.ChangeRoleAsync(only.Client, only.Id, RoleNames.Editor))
        {
            Assert.Equal(HttpStatusCode.Conflict, stillRefused.StatusCode);
        }
        Assert.Equal([RoleNames.Administrator], await RolesAsync(only.Id));
        Assert.Empty(await PeopleAdminTests.Entries(_site, only.Id));

        using var second = _site.NewClient();
        var link = Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(_site.MailFolder, email)));
        Assert.Equal(HttpStatusCode.Redirect, (await AccountFlowTests.UseLinkAsync(second, link)).StatusCode);

        using var stepsDown = await PeopleAdminTests.ChangeRoleAsync(only.Client, only.Id, RoleNames.Editor);
        Assert.Equal(HttpStatusCode.Redirect, stepsDown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await only.Client.GetAsync("/admin/users")).StatusCode);
        string newcomerId;
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            newcomerId = (await scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>().FindByEmailAsync(email))!.Id;
        }
        using var selfDemotion = await PeopleAdminTests.ChangeRoleAsync(second, newcomerId, RoleNames.Editor);
        Assert.Equal(HttpStatusCode.Conflict, selfDemotion.StatusCode);
    }

    [Fact]
    public async Task Two_administrators_demoting_each_other_at_the_same_moment_leave_one()
    {
        var first = await RoleClients.PersonAsync(_site, RoleNames.Administrator);
        var second = await RoleClients.PersonAsync(_site, RoleNames.Administrator);

        PeopleResult[] results;
        await using (var a = _site.Services.CreateAsyncScope())
        await using (var b = _site.Services.CreateAsyncScope())
        {
            results = await Task.WhenAll(
                a.ServiceProvider.GetRequiredService<People>().ChangeRoleAsync(first.Id, second.Id, RoleNames.Editor),
                b.ServiceProvider.GetRequiredService<People>().ChangeRoleAsync(second.Id, first.Id, RoleNames.Editor));
        }

        Assert.Single(results, r => r.Outcome == PeopleOutcome.Done);
        Assert.Single(results, r => r.Outcome == PeopleOutcome.LastAdministrator);
        first.Dispose();
        second.Dispose();
    }

    private async Task<IReadOnlyList<string>> RolesAsync(string id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(id))!)];
    }
}
