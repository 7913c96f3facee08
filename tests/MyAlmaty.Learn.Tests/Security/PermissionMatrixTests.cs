using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>
/// Who may open what on the shipped site, from the endpoints' declared permissions and the grant
/// table: not signed in → the sign-in page of the address's language and back; signed in without
/// the permission → the themed 403; with it → the page. On a site of its own: the walk posts to
/// every endpoint as every role, and the allowed posts (publish, unpublish…) change content.
/// </summary>
public sealed class PermissionMatrixTests : IAsyncLifetime
{
    private TestSite? _site;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(extraArgs: "--Site:AccountRequestsPerMinute=100000");

    public async Task DisposeAsync()
    {
        if (_site is not null) await _site.DisposeAsync();
    }

    private PermissionMatrix Matrix => new(_site!);

    [Fact]
    public async Task Every_endpoint_that_declares_a_permission_answers_each_role_as_the_grant_table_says()
    {
        var declared = Matrix.DeclaredEndpoints();
        var problems = await Matrix.WalkAsync();

        Assert.Contains(declared, d => d.Pattern.RawText!.EndsWith("/editor/search", StringComparison.Ordinal) && d.Permissions.SequenceEqual([Permissions.ContentView]));
        Assert.Contains(declared, d => d.Pattern.RawText!.EndsWith("/analysis", StringComparison.Ordinal) && d.Permissions.SequenceEqual([Permissions.QuizzesAnalyse]));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_endpoint_of_the_admin_area_and_the_editors_workspace_declares_a_permission()
    {
        var undeclared = Matrix.UndeclaredWorkspaceEndpoints();

        Assert.True(undeclared.Count == 0, "declare a permission with RequirePermission(…) where these are mapped:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public void Every_declared_permission_is_one_the_grant_table_defines()
    {
        var grants = _site!.Services.GetRequiredService<PermissionGrants>();

        var unknown = Matrix.DeclaredEndpoints().SelectMany(d => d.Permissions.Where(p => !grants.IsDefined(p)).Select(p => $"{d}: {p}")).ToList();

        Assert.True(unknown.Count == 0, string.Join("\n", unknown));
    }

    [Fact]
    public async Task Every_form_post_that_declares_a_permission_refuses_a_request_without_its_antiforgery_token()
    {
        var problems = await Matrix.PostsWithoutTokenAsync();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
