using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>
/// The checks of <see cref="PermissionMatrixTests"/> on kinds of endpoint the shipped site has none
/// of yet: a form post that needs a permission, a permission declared on a whole group, and an admin
/// page someone forgot to protect.
/// </summary>
public sealed class PermissionProbeTests : IAsyncLifetime
{
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartWithEndpointsAsync(app =>
    {
        app.MapPage("/{culture:culture}/admin/probe", () => Results.Text("probe")).RequirePermission(Permissions.ContentEdit);
        app.MapPost("/{culture:culture}/admin/probe", (string culture, [FromForm] string? note) => Results.Redirect($"/{culture}/admin/probe"))
            .RequirePermission(Permissions.ContentEdit);
        var settings = app.MapGroup("/{culture:culture}/admin/settings").RequirePermission(Permissions.SettingsManage);
        settings.MapPage("", () => Results.Text("settings"));
        app.MapPage("/{culture:culture}/admin/forgotten", () => Results.Text("forgotten"));
    }, "--Site:AccountRequestsPerMinute=100000");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_form_post_is_checked_for_the_permission_first_and_then_for_its_antiforgery_token()
    {
        var matrix = new PermissionMatrix(_site);

        var walked = await matrix.WalkAsync();
        var withoutToken = await matrix.PostsWithoutTokenAsync();

        Assert.Contains(matrix.DeclaredEndpoints(), d => d.Methods.Contains(HttpMethods.Post));
        Assert.True(walked.Count == 0, string.Join("\n", walked));
        Assert.True(withoutToken.Count == 0, string.Join("\n", withoutToken));
    }

    [Fact]
    public async Task A_permission_declared_on_a_group_applies_to_its_endpoints()
    {
        using var editor = await RoleClients.SignInAsync(_site, RoleNames.Editor);
        using var administrator = await RoleClients.SignInAsync(_site, RoleNames.Administrator);

        using var forEditor = await editor.GetAsync("/kk/admin/settings");
        using var forAdministrator = await administrator.GetAsync("/kk/admin/settings");

        Assert.Equal(HttpStatusCode.Forbidden, forEditor.StatusCode);
        Assert.Equal("kk", Html.Parse(await forEditor.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));
        Assert.Equal(HttpStatusCode.OK, forAdministrator.StatusCode);
    }

    [Fact]
    public void An_admin_endpoint_without_a_permission_is_named()
    {
        var undeclared = new PermissionMatrix(_site).UndeclaredWorkspaceEndpoints();

        Assert.Equal(["/{culture:culture}/admin/forgotten"], undeclared);
    }
}
