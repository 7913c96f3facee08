using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Admin;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>
/// A facilitator's workspace: they make workshops and run only their own; another facilitator's workshop, its
/// invitations and its attendees are refused to them and to editors who do not run it, never to administrators.
/// </summary>
public sealed class WorkshopWorkspaceTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(extraArgs: "--Site:AccountRequestsPerMinute=100000");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static readonly string[] OnePages = ["", "/edit/ru", "/invite", "/status", "/attendance", "/preview/ru"];

    [Fact]
    public async Task The_creator_of_a_workshop_runs_it_and_others_who_do_not_get_the_themed_403_on_each_of_its_pages()
    {
        using var aigerim = await RoleClients.PersonAsync(_site, RoleNames.Facilitator, "ru", "Айгерим");
        using var other = await RoleClients.PersonAsync(_site, RoleNames.Facilitator, "kk", "Ерлан");
        using var editor = await RoleClients.PersonAsync(_site, RoleNames.Editor, "ru");
        using var admin = await RoleClients.PersonAsync(_site, RoleNames.Administrator, "ru");

        Assert.Equal(HttpStatusCode.Redirect, (await WorkshopDesk.CreateAsync(aigerim.Client, "yards", "Дворы, которые мы меняем")).StatusCode);

        var (_, mine) = await AdminForms.OpenAsync(aigerim.Client, "/admin/workshops");
        Assert.Contains("Дворы, которые мы меняем", mine.QuerySelector("main")!.TextContent);
        var (_, theirs) = await AdminForms.OpenAsync(other.Client, "/admin/workshops");
        Assert.DoesNotContain("Дворы", theirs.QuerySelector("main")!.TextContent);
        var (_, all) = await AdminForms.OpenAsync(admin.Client, "/admin/workshops");
        Assert.Contains("Дворы, которые мы меняем", all.QuerySelector("main")!.TextContent);

        foreach (var suffix in OnePages)
        {
            Assert.Equal(HttpStatusCode.OK, (await aigerim.Client.GetAsync($"/admin/workshops/yards{suffix}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync($"/admin/workshops/yards{suffix}")).StatusCode);
            foreach (var (client, culture) in new[] { (other.Client, "kk"), (editor.Client, "ru") })
            {
                var (response, page) = await Html.GetAsync(client, $"/admin/workshops/yards{suffix}");
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
                Assert.Equal("403", page.QuerySelector(".oops-code")?.TextContent.Trim());
            }
        }
        var (_, edit) = await AdminForms.OpenAsync(aigerim.Client, "/admin/workshops/yards/edit/ru");
        var (_, ownForm) = await AdminForms.OpenAsync(other.Client, "/admin/workshops/new/kk");
        var saved = await AdminForms.PostAsync(other.Client, "/admin/workshops/yards/edit/ru", new Dictionary<string, string>(AdminForms.Fields(edit)).Concat(WorkshopDesk.Token(ownForm))
            .GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        Assert.Equal(HttpStatusCode.Forbidden, saved.StatusCode);
    }

    [Fact]
    public async Task A_key_of_someone_elses_workshop_does_not_make_a_facilitator_of_whoever_writes_its_translation()
    {
        using var owner = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        using var intruder = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        await WorkshopDesk.CreateAsync(owner.Client, "mine-only", "Только моя встреча");

        var response = await WorkshopDesk.CreateAsync(intruder.Client, "mine-only", "Чужая встреча", culture: "kk");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intruder.Client.GetAsync("/admin/workshops/mine-only/attendance")).StatusCode);
    }

    [Fact]
    public async Task Places_cannot_be_cut_below_the_people_registered_and_the_form_comes_back_as_typed()
    {
        using var facilitator = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        await WorkshopDesk.CreateAsync(facilitator.Client, "small-room", "Маленький зал", capacity: 10);
        await WorkshopDesk.RegisterAsync(_site, "small-room", "a@example.kz", "b@example.kz", "c@example.kz");
        var (_, form) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/small-room/edit/ru");
        var fields = AdminForms.Fields(form);
        fields["f.capacity"] = "2";
        fields["title"] = "Маленький зал, новое название";

        var refused = await AdminForms.PostAsync(facilitator.Client, "/admin/workshops/small-room/edit/ru", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Зарегистрированных участников уже 3, поэтому мест не может быть меньше 3.", page.QuerySelector("#field-capacity-errors")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#field-capacity")!.GetAttribute("value"));
        Assert.Equal("Маленький зал, новое название", page.QuerySelector("#field-title")!.GetAttribute("value"));
        var (_, again) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/small-room/edit/ru");
        Assert.Equal("10", again.QuerySelector("#field-capacity")!.GetAttribute("value"));

        fields["f.capacity"] = "3";
        Assert.Equal(HttpStatusCode.Redirect, (await AdminForms.PostAsync(facilitator.Client, "/admin/workshops/small-room/edit/ru", fields)).StatusCode);
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused_in_the_editors_language()
    {
        using var facilitator = await RoleClients.PersonAsync(_site, RoleNames.Facilitator, "kk");
        await WorkshopDesk.CreateAsync(facilitator.Client, "backwards", "Кері уақыт");
        var (_, form) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/backwards/edit/ru");
        var fields = AdminForms.Fields(form);
        fields["f.endsAt"] = "2020-01-01 10:00";

        var refused = await AdminForms.PostAsync(facilitator.Client, "/admin/workshops/backwards/edit/ru", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotEmpty(Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#field-endsAt-errors")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_co_facilitator_is_added_by_the_address_of_an_account_that_may_run_workshops()
    {
        using var facilitator = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        using var colleague = await RoleClients.PersonAsync(_site, RoleNames.Facilitator, name: "Дана");
        using var learner = await RoleClients.PersonAsync(_site, RoleNames.Learner);
        await WorkshopDesk.CreateAsync(facilitator.Client, "together", "Вместе");
        var (_, page) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/together");

        var refused = await AdminForms.PostAsync(facilitator.Client, "/admin/workshops/together/facilitators", new Dictionary<string, string>(WorkshopDesk.Token(page)) { ["email"] = learner.Email });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(learner.Email, Html.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#facilitator-email")!.GetAttribute("value"));
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.Client.GetAsync("/admin/workshops/together/attendance")).StatusCode);

        var added = await AdminForms.PostAsync(facilitator.Client, "/admin/workshops/together/facilitators", new Dictionary<string, string>(WorkshopDesk.Token(page)) { ["email"] = colleague.Email.ToUpperInvariant() });

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Client.GetAsync("/admin/workshops/together/attendance")).StatusCode);
    }

    [Fact]
    public async Task Ticking_attendance_checks_people_in_by_the_facilitator_and_untick_undoes_it()
    {
        using var facilitator = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        await WorkshopDesk.CreateAsync(facilitator.Client, "came", "Кто пришёл");
        var ids = await WorkshopDesk.RegisterAsync(_site, "came", "one@example.kz", "two@example.kz");
        var (_, sheet) = await AdminForms.OpenAsync(facilitator.Client, "/admin/workshops/came/attendance");
        Assert.Equal(2, sheet.QuerySelectorAll("input[name='present']").Length);
        Assert.NotNull(sheet.QuerySelector("th.print-only"));

        var form = new FormUrlEncodedContent([.. WorkshopDesk.Token(sheet), new("present", ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.Client.PostAsync("/admin/workshops/came/attendance", form)).StatusCode);

        var rows = await RegistrationsAsync("came");
        Assert.Equal(facilitator.Id, rows.Single(r => r.Id == ids[0]).CheckedInBy);
        Assert.NotNull(rows.Single(r => r.Id == ids[0]).CheckedInUtc);
        Assert.Null(rows.Single(r => r.Id == ids[1]).CheckedInUtc);

        Assert.Equal(HttpStatusCode.Redirect, (await facilitator.Client.PostAsync("/admin/workshops/came/attendance", new FormUrlEncodedContent(WorkshopDesk.Token(sheet)))).StatusCode);
        Assert.All(await RegistrationsAsync("came"), r => Assert.Null(r.CheckedInUtc));
    }

    private async Task<List<WorkshopRegistration>> RegistrationsAsync(string key)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<WorkshopRegistration>().AsNoTracking().Where(r => r.WorkshopKey == key).ToListAsync();
    }
}
