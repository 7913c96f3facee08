using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Audit;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Admin;

/// <summary>People in the admin area: invitations, roles, locks, and what each leaves in the audit trail.</summary>
public sealed class PeopleAdminTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task An_invitation_in_Kazakh_reaches_the_invitee_whose_link_works_once_signs_them_in_with_the_role_and_lets_them_choose_their_own_password()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator, name: "Айгерім Сейітқали");
        var email = AccountFlowTests.NewEmail();

        using var sent = await InviteAsync(admin.Client, email, RoleNames.Editor, "kk", "Дәурен");

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var invitee = await UserAsync(email);
        Assert.Equal($"/admin/users/{invitee.Id}?notice=invited", sent.Headers.Location!.OriginalString);
        Assert.Null(invitee.PasswordHash);
        Assert.False(invitee.EmailConfirmed);
        Assert.Equal("kk", invitee.PreferredCulture);
        Assert.Equal([RoleNames.Editor], await RolesAsync(email));
        var mail = Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email));
        Assert.Equal("МыАлматы.Learn сайтына шақыру", mail.Subject);
        Assert.Contains("Айгерім Сейітқали сізді", mail.TextBody);
        Assert.Contains("Сіз редактор боласыз", mail.TextBody);
        Assert.Contains("7 күн", mail.TextBody);
        var link = Mailbox.LinkIn(mail);
        Assert.StartsWith("/kk/account/link/", link);
        Assert.EndsWith("?purpose=invite", link);

        using var newcomer = Site.NewClient();
        var (_, landing) = await Html.GetAsync(newcomer, link);
        Assert.Equal("kk", landing.DocumentElement.GetAttribute("lang"));
        using var accepted = await Forms.PostAsync(newcomer, landing, link.Split('?')[0],
            ("password", "менің өз құпиясөзім"), ("password_again", "менің өз құпиясөзім"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/admin", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/admin/content")).StatusCode);
        invitee = await UserAsync(email);
        Assert.True(invitee.EmailConfirmed);
        Assert.Equal(HttpStatusCode.Redirect, (await AddressStates.SignInAsync(Site.NewClient(), email, "менің өз құпиясөзім")).StatusCode);

        using var again = Site.NewClient();
        using var reused = await AccountFlowTests.UseLinkAsync(again, link);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await again.GetAsync("/admin")).StatusCode);

        var entry = Assert.Single(await EntriesAsync(invitee.Id));
        Assert.Equal(AuditAction.Invited, entry.Action);
        Assert.Equal(admin.Id, entry.ActorId);
        Assert.Equal(RoleNames.Editor, entry.After);
    }

    [Fact]
    public async Task An_invitee_who_chooses_no_password_signs_in_by_link_and_a_learner_lands_on_their_learning()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        var email = AccountFlowTests.NewEmail();

        Assert.Equal(HttpStatusCode.Redirect, (await InviteAsync(admin.Client, email, RoleNames.Learner, "ru")).StatusCode);
        var mail = Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email));
        Assert.Equal("Приглашение на МыАлматы.Learn", mail.Subject);
        Assert.Contains("Вы сможете проходить курсы", mail.TextBody);
        using var newcomer = Site.NewClient();
        using var accepted = await AccountFlowTests.UseLinkAsync(newcomer, Mailbox.LinkIn(mail));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/ru/my", accepted.Headers.Location!.OriginalString);
        Assert.Null((await UserAsync(email)).PasswordHash);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Two_different_passwords_on_the_invitation_page_leave_the_link_unused()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        var email = AccountFlowTests.NewEmail();
        await InviteAsync(admin.Client, email, RoleNames.Facilitator, "ru");
        var link = Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email)));
        using var newcomer = Site.NewClient();
        var (_, landing) = await Html.GetAsync(newcomer, link);

        using var refused = await Forms.PostAsync(newcomer, landing, link.Split('?')[0], ("password", "первый длинный пароль"), ("password_again", "второй длинный пароль"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Пароли не совпадают", Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent);
        using var accepted = await AccountFlowTests.UseLinkAsync(newcomer, link);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Inviting_an_address_that_has_an_account_tells_the_administrator_and_sends_nothing()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        using var learner = await RoleClients.PersonAsync(Site, RoleNames.Learner, name: "Асель Нурланова");

        using var answer = await InviteAsync(admin.Client, learner.Email.ToUpperInvariant(), RoleNames.Editor, "ru");

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var page = Html.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Contains("уже есть аккаунт", page.QuerySelector(".invite-form")!.ParentElement!.TextContent);
        Assert.Contains(page.QuerySelectorAll("table a"), a => a.GetAttribute("href") == $"/admin/users/{learner.Id}");
        Assert.Equal([RoleNames.Learner], await RolesAsync(learner.Email));
        Assert.Empty(await EntriesAsync(learner.Id));
        await using var scope = Site.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<OutboxMessage>();
        Assert.False(await outbox.AnyAsync(m => m.To.ToUpper() == learner.Email.ToUpperInvariant()));
    }

    [Fact]
    public async Task A_bad_invitation_form_comes_back_with_what_was_typed_and_the_reasons()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator, "kk");
        var (_, page) = await AdminForms.OpenAsync(admin.Client, "/admin/users");
        var fields = AdminForms.Fields(page, "form.invite-form");
        fields["email"] = "бұл мекенжай емес";
        fields["name"] = "Ерлан";
        fields["role"] = "Owner";

        using var refused = await AdminForms.PostAsync(admin.Client, "/admin/users/invite", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var again = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("kk", again.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Ерлан", again.QuerySelector("#invite-name")!.GetAttribute("value"));
        var problems = again.QuerySelector(".problems")!.TextContent;
        Assert.Contains("Рөлдердің бірін таңдаңыз", problems);
        Assert.Contains("электрондық пошта", problems, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_role_change_applies_to_the_persons_next_request_without_signing_them_out()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        using var person = await RoleClients.PersonAsync(Site, RoleNames.Learner);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.GetAsync("/admin/content")).StatusCode);

        using var promoted = await ChangeRoleAsync(admin.Client, person.Id, RoleNames.Editor);

        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/admin/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.GetAsync("/admin/users")).StatusCode);

        using var demoted = await ChangeRoleAsync(admin.Client, person.Id, RoleNames.Learner);

        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.GetAsync("/admin/content")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync("/ru/account")).StatusCode);
        Assert.Equal([RoleNames.Learner], await RolesAsync(person.Email));
        var entries = await EntriesAsync(person.Id);
        Assert.Equal([(AuditAction.RoleChanged, "Learner", "Editor"), (AuditAction.RoleChanged, "Editor", "Learner")],
            entries.Select(e => (e.Action, e.Before, e.After)));
        Assert.All(entries, e => Assert.Equal(admin.Id, e.ActorId));
        var (_, page) = await AdminForms.OpenAsync(admin.Client, $"/admin/users/{person.Id}?notice=role");
        Assert.Contains("Роль изменена", page.QuerySelector("[role=status]")!.TextContent);
    }

    [Fact]
    public async Task A_request_that_read_the_sign_in_before_a_role_change_cannot_put_the_old_role_back_when_it_renews_it()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        using var person = await RoleClients.PersonAsync(Site, RoleNames.Editor);
        var store = Site.Services.GetRequiredService<MyAlmaty.Learn.Web.Hosting.DatabaseTicketStore>();
        string key;
        Microsoft.AspNetCore.Authentication.AuthenticationTicket before;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<LearnUser>>();
            var principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByIdAsync(person.Id))!);
            before = new(principal, new Microsoft.AspNetCore.Authentication.AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddDays(30) }, IdentityConstants.ApplicationScheme);
            key = await store.StoreAsync(before);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await ChangeRoleAsync(admin.Client, person.Id, RoleNames.Learner)).StatusCode);
        await store.RenewAsync(key, before);

        var after = (await store.RetrieveAsync(key))!;
        Assert.True(after.Principal.IsInRole(RoleNames.Learner));
        Assert.False(after.Principal.IsInRole(RoleNames.Editor));
        Assert.Equal(HttpStatusCode.Forbidden, (await person.Client.GetAsync("/admin/content")).StatusCode);
    }

    [Fact]
    public async Task Locking_ends_every_session_at_once_refuses_password_and_link_until_unlocked_and_unlocking_lets_the_same_link_in()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        using var person = await RoleClients.PersonAsync(Site, RoleNames.Editor);
        const string password = "длинный пароль редактора";
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByIdAsync(person.Id))!, password)).Succeeded);
        }
        using var phone = Site.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AddressStates.SignInAsync(phone, person.Email, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/admin/content")).StatusCode);

        using var locked = await PostOnPersonPageAsync(admin.Client, person.Id, "lock");

        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        foreach (var client in new[] { person.Client, phone })
        {
            using var response = await client.GetAsync("/admin/content");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/ru/account/sign-in", response.Headers.Location!.OriginalString);
        }
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AuthSessions>().CountAsync(person.Id));
        }
        using var byPassword = await AddressStates.SignInAsync(Site.NewClient(), person.Email, password);
        Assert.Equal(HttpStatusCode.BadRequest, byPassword.StatusCode);
        Assert.Contains("заблокировали этот аккаунт", await byPassword.Content.ReadAsStringAsync());
        using var wrongPassword = await AddressStates.SignInAsync(Site.NewClient(), person.Email, "неверный пароль здесь");
        Assert.DoesNotContain("заблокировали этот аккаунт", await wrongPassword.Content.ReadAsStringAsync());

        using var stranger = Site.NewClient();
        await AddressStates.RequestLinkAsync(stranger, person.Email);
        var link = Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, person.Email)));
        using var byLink = await AccountFlowTests.UseLinkAsync(stranger, link);
        Assert.Equal(HttpStatusCode.BadRequest, byLink.StatusCode);
        Assert.Equal("Аккаунт заблокирован", Html.Parse(await byLink.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent.Trim());

        using var unlocked = await PostOnPersonPageAsync(admin.Client, person.Id, "unlock");

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        using var signedIn = await AccountFlowTests.UseLinkAsync(stranger, link);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await stranger.GetAsync("/admin/content")).StatusCode);
        Assert.Equal([AuditAction.Locked, AuditAction.Unlocked], (await EntriesAsync(person.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Nobody_locks_their_own_account()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        using var other = await RoleClients.PersonAsync(Site, RoleNames.Administrator);

        using var refused = await PostOnPersonPageAsync(admin.Client, admin.Id, "lock");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Свой собственный аккаунт заблокировать нельзя", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/users")).StatusCode);
        Assert.Empty(await EntriesAsync(admin.Id));
    }

    [Fact]
    public async Task An_invitation_not_yet_accepted_can_be_sent_again_and_the_new_link_works()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        var email = AccountFlowTests.NewEmail();
        await InviteAsync(admin.Client, email, RoleNames.Facilitator, "kk");
        Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email));
        var id = (await UserAsync(email)).Id;

        using var resent = await PostOnPersonPageAsync(admin.Client, id, "invite-again");

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var mails = await Mailbox.WaitForAsync(Site.MailFolder, email, 2);
        Assert.Equal(2, mails.Count);
        Assert.Contains("фасилитатор", mails[1].TextBody);
        using var newcomer = Site.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AccountFlowTests.UseLinkAsync(newcomer, Mailbox.LinkIn(mails[1]))).StatusCode);
        Assert.Equal([AuditAction.Invited, AuditAction.InvitationResent], (await EntriesAsync(id)).Select(e => e.Action));
        var (_, page) = await AdminForms.OpenAsync(admin.Client, $"/admin/users/{id}");
        Assert.Null(page.QuerySelector($"form[action='/admin/users/{id}/invite-again']"));
    }

    [Fact]
    public async Task The_people_list_filters_by_role_searches_names_and_addresses_and_goes_a_page_at_a_time()
    {
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);
        var marker = Guid.NewGuid().ToString("N")[..10];
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>();
            for (var i = 0; i < 53; i++)
            {
                var user = new LearnUser { UserName = $"p{i}-{marker}@example.org", Email = $"p{i}-{marker}@example.org", EmailConfirmed = true, DisplayName = $"Жанар {marker} {i}" };
                Assert.True((await users.CreateAsync(user)).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, i == 7 ? RoleNames.Editor : RoleNames.Learner)).Succeeded);
            }
        }

        var (_, first) = await AdminForms.OpenAsync(admin.Client, $"/admin/users?q={marker.ToUpperInvariant()}");
        Assert.Equal(50, first.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("53", first.QuerySelector("[role=status]")!.TextContent);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await AdminForms.OpenAsync(admin.Client, next);
        Assert.Equal(3, second.QuerySelectorAll("tbody tr").Length);

        var (_, byName) = await AdminForms.OpenAsync(admin.Client, $"/admin/users?q={Uri.EscapeDataString($"жанар {marker} 1")}");
        Assert.Contains(byName.QuerySelectorAll("tbody tr td:first-child"), td => td.TextContent.Trim() == $"Жанар {marker} 1");
        var (_, editors) = await AdminForms.OpenAsync(admin.Client, $"/admin/users?role=Editor&q={marker}");
        var row = Assert.Single(editors.QuerySelectorAll("tbody tr"));
        Assert.Contains($"p7-{marker}@example.org", row.TextContent);
        Assert.Contains("Редактор", row.TextContent);
        Assert.Contains("неизвестно", row.TextContent);
        var (_, me) = await AdminForms.OpenAsync(admin.Client, $"/admin/users?q={Uri.EscapeDataString(admin.Email)}");
        Assert.DoesNotContain("неизвестно", Assert.Single(me.QuerySelectorAll("tbody tr")).TextContent);
    }

    [Fact]
    public async Task Only_administrators_see_people_and_the_forms_check_their_token()
    {
        using var editor = await RoleClients.PersonAsync(Site, RoleNames.Editor);
        using var admin = await RoleClients.PersonAsync(Site, RoleNames.Administrator);

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Client.GetAsync("/admin/users")).StatusCode);
        using var forged = await admin.Client.PostAsync($"/admin/users/{editor.Id}/role", new FormUrlEncodedContent([new("role", RoleNames.Administrator)]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal([RoleNames.Editor], await RolesAsync(editor.Email));
    }

    // --- helpers ---

    internal static async Task<HttpResponseMessage> InviteAsync(HttpClient admin, string email, string role, string culture, string name = "")
    {
        var (_, page) = await AdminForms.OpenAsync(admin, "/admin/users");
        var fields = AdminForms.Fields(page, "form.invite-form");
        fields["email"] = email;
        fields["name"] = name;
        fields["role"] = role;
        fields["culture"] = culture;
        return await AdminForms.PostAsync(admin, "/admin/users/invite", fields);
    }

    internal static async Task<HttpResponseMessage> ChangeRoleAsync(HttpClient admin, string id, string role)
    {
        var (_, page) = await AdminForms.OpenAsync(admin, $"/admin/users/{id}");
        var fields = AdminForms.Fields(page, $"form[action='/admin/users/{id}/role']");
        fields["role"] = role;
        return await AdminForms.PostAsync(admin, $"/admin/users/{id}/role", fields);
    }

    internal static async Task<HttpResponseMessage> PostOnPersonPageAsync(HttpClient admin, string id, string action)
    {
        var (_, page) = await AdminForms.OpenAsync(admin, $"/admin/users/{id}");
        var token = page.QuerySelector("form input[name='__af']")!.GetAttribute("value")!;
        return await admin.PostAsync($"/admin/users/{id}/{action}", new FormUrlEncodedContent([new("__af", token)]));
    }

    private async Task<LearnUser> UserAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>().FindByEmailAsync(email))!;
    }

    private async Task<IReadOnlyList<string>> RolesAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>();
        return [.. await users.GetRolesAsync((await users.FindByEmailAsync(email))!)];
    }

    private Task<List<AuditEntry>> EntriesAsync(string subjectId) => Entries(Site, subjectId);

    internal static async Task<List<AuditEntry>> Entries(TestSite site, string subjectId)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.SubjectId == subjectId).OrderBy(e => e.Id).ToListAsync();
    }
}
