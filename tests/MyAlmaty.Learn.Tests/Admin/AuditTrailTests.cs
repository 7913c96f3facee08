using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Audit;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Admin;

/// <summary>The audit trail: the content journal and people events in one list, its filters, and entries nobody can change.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private const string Term = "/admin/content/glossary/ru/citizen";

    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(extraArgs: "--Site:AccountRequestsPerMinute=100000");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task The_audit_trail_lists_content_changes_and_people_events_newest_first_and_each_filter_narrows_it()
    {
        using var admin = await RoleClients.PersonAsync(_site, RoleNames.Administrator, name: "Марат Администратор");
        using var editor = await RoleClients.PersonAsync(_site, RoleNames.Editor, name: "Алия Редактор");
        var (_, form) = await AdminForms.OpenAsync(editor.Client, Term);
        var fields = AdminForms.Fields(form);
        fields["title"] = "Гражданин (уточнено)";
        fields["note"] = "Уточнил определение";
        Assert.Equal(HttpStatusCode.Redirect, (await AdminForms.PostAsync(editor.Client, $"{Term}/save-and-publish", fields)).StatusCode);
        var invitee = AccountFlowTests.NewEmail();
        Assert.Equal(HttpStatusCode.Redirect, (await PeopleAdminTests.InviteAsync(admin.Client, invitee, RoleNames.Facilitator, "kk", "Ерлан")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PeopleAdminTests.ChangeRoleAsync(admin.Client, editor.Id, RoleNames.Administrator)).StatusCode);

        var (_, all) = await AdminForms.OpenAsync(admin.Client, "/admin/audit");
        var rows = Rows(all);
        // Newest first: the role change, the invitation, the editor's save, then the import of content/.
        Assert.Contains("Роль изменена", rows[0].What);
        Assert.Contains("Редактор → Администратор", rows[0].What);
        Assert.Equal("Алия Редактор", rows[0].Which);
        Assert.Equal("Марат Администратор", rows[0].Who);
        Assert.Contains("Приглашён", rows[1].What);
        Assert.Contains("Фасилитатор", rows[1].What);
        Assert.Equal("Ерлан", rows[1].Which);
        Assert.Contains(rows, r => r.Who == "Алия Редактор" && r.Note == "Уточнил определение" && r.Link == Term && r.Which.StartsWith("Гражданин (уточнено)", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Who == "Файлы content/" && r.What.Contains("Импортировано из файла", StringComparison.Ordinal));
        Assert.Matches(@"\d{1,2} \w+ \d{4} г\., \d{2}:\d{2}", rows[0].When);

        var (_, invited) = await AdminForms.OpenAsync(admin.Client, "/admin/audit?action=Invited");
        Assert.All(Rows(invited), r => Assert.Contains("Приглашён", r.What));
        Assert.Single(Rows(invited));
        var (_, content) = await AdminForms.OpenAsync(admin.Client, "/admin/audit?action=content");
        Assert.Empty(content.QuerySelectorAll("tr.audit-people"));
        Assert.NotEmpty(content.QuerySelectorAll("tr.audit-content"));
        var (_, people) = await AdminForms.OpenAsync(admin.Client, "/admin/audit?action=people");
        Assert.Equal(2, Rows(people).Count);
        var (_, byEditor) = await AdminForms.OpenAsync(admin.Client, $"/admin/audit?actor={editor.Id}");
        // Save and publish: a new version, then its publication.
        Assert.Equal(["Опубликовано · в. 2", "Изменено · в. 2"], Rows(byEditor).Select(r => r.What));
        Assert.All(Rows(byEditor), r => Assert.Equal("Алия Редактор", r.Who));
        var (_, byImport) = await AdminForms.OpenAsync(admin.Client, "/admin/audit?actor=content%2F");
        Assert.All(Rows(byImport), r => Assert.Equal("Файлы content/", r.Who));
        var (_, byItem) = await AdminForms.OpenAsync(admin.Client, "/admin/audit?type=GlossaryTerm&culture=ru&key=citizen");
        Assert.All(Rows(byItem), r => Assert.Equal(Term, r.Link));
        Assert.Equal(["Опубликовано · в. 2", "Изменено · в. 2"], Rows(byItem).Take(2).Select(r => r.What));
        Assert.Contains(Rows(byItem), r => r.Who == "Файлы content/" && r.What.StartsWith("Импортировано из файла", StringComparison.Ordinal));
        Assert.All(Rows(byItem).Skip(2), r => Assert.Equal("Файлы content/", r.Who));
        var (_, byKazakh) = await AdminForms.OpenAsync(admin.Client, "/admin/audit?culture=kk");
        Assert.All(Rows(byKazakh), r => Assert.EndsWith("kk", r.Which));
        var (_, aboutEditor) = await AdminForms.OpenAsync(admin.Client, $"/admin/audit?subject={editor.Id}");
        Assert.Equal("Роль изменена", Assert.Single(Rows(aboutEditor)).What.Split(':')[0]);

        var today = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM-dd");
        var (_, todays) = await AdminForms.OpenAsync(admin.Client, $"/admin/audit?from={today}&to={today}");
        Assert.Equal(Rows(all).Count, Rows(todays).Count);
        var (_, later) = await AdminForms.OpenAsync(admin.Client, "/admin/audit?from=2099-01-01");
        Assert.Empty(Rows(later));
        using var badDate = await admin.Client.GetAsync("/admin/audit?from=31.12.2026");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badDate.StatusCode);
        Assert.Contains("год-месяц-день", await badDate.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_trail_goes_a_page_at_a_time()
    {
        using var admin = await RoleClients.PersonAsync(_site, RoleNames.Administrator);

        var (_, first) = await AdminForms.OpenAsync(admin.Client, "/admin/audit?action=Imported");
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(first.QuerySelector("[role=status]")!.TextContent, @"\d+").Value);
        Assert.True(total > 50, $"only {total} imported entries");
        Assert.Equal(50, Rows(first).Count);
        var (_, second) = await AdminForms.OpenAsync(admin.Client, first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(Math.Min(50, total - 50), Rows(second).Count);
        Assert.NotEqual(Rows(first)[^1], Rows(second)[0]);
    }

    [Fact]
    public async Task Editors_see_the_history_of_content_but_no_event_about_peoples_accounts()
    {
        using var admin = await RoleClients.PersonAsync(_site, RoleNames.Administrator);
        using var editor = await RoleClients.PersonAsync(_site, RoleNames.Editor, "kk");
        await PeopleAdminTests.InviteAsync(admin.Client, AccountFlowTests.NewEmail(), RoleNames.Editor, "ru", "Тайный Гость");

        var (_, page) = await AdminForms.OpenAsync(editor.Client, "/admin/audit?action=people");

        Assert.Equal("kk", page.DocumentElement.GetAttribute("lang"));
        Assert.NotEmpty(page.QuerySelectorAll("tr.audit-content"));
        Assert.Empty(page.QuerySelectorAll("tr.audit-people"));
        Assert.DoesNotContain("Тайный Гость", page.Body!.TextContent);
        Assert.Null(page.QuerySelector("option[value=Invited]"));
        var (_, about) = await AdminForms.OpenAsync(editor.Client, $"/admin/audit?subject={admin.Id}");
        Assert.Empty(about.QuerySelectorAll("tr.audit-people"));
        using var facilitator = await RoleClients.PersonAsync(_site, RoleNames.Facilitator);
        Assert.Equal(HttpStatusCode.Forbidden, (await facilitator.Client.GetAsync("/admin/audit")).StatusCode);
    }

    [Fact]
    public async Task Audit_entries_cannot_be_changed_or_deleted_and_no_endpoint_offers_to()
    {
        using var admin = await RoleClients.PersonAsync(_site, RoleNames.Administrator);
        using var person = await RoleClients.PersonAsync(_site, RoleNames.Learner);
        await PeopleAdminTests.ChangeRoleAsync(admin.Client, person.Id, RoleNames.Facilitator);

        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var entry = await db.Set<AuditEntry>().SingleAsync(e => e.SubjectId == person.Id);
            db.Entry(entry).Property(e => e.After).CurrentValue = RoleNames.Administrator;
            var changed = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("append-only", changed.Message);
            db.ChangeTracker.Clear();
            db.Remove(await db.Set<AuditEntry>().SingleAsync(e => e.SubjectId == person.Id));
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        }
        var kept = Assert.Single(await PeopleAdminTests.Entries(_site, person.Id));
        Assert.Equal(RoleNames.Facilitator, kept.After);

        var auditEndpoints = _site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/admin/audit", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(auditEndpoints);
        Assert.All(auditEndpoints, e => Assert.Equal([HttpMethods.Get, HttpMethods.Head], e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods));
        using var post = await admin.Client.PostAsync("/admin/audit", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
    }

    private sealed record Row(string When, string Who, string What, string Which, string? Link, string Note);

    private static List<Row> Rows(AngleSharp.Dom.IDocument page) =>
        [.. page.QuerySelectorAll("table.audit tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").Select(td => System.Text.RegularExpressions.Regex.Replace(td.TextContent, @"\s+", " ").Trim()).ToList();
            return new Row(cells[0], cells[1], cells[2], cells[3], tr.QuerySelectorAll("td")[3].QuerySelector("a")?.GetAttribute("href"), cells[4]);
        })];
}
