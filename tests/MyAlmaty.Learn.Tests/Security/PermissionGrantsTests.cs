using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>The grant table: which role holds which permission, and how a feature adds its own.</summary>
public sealed class PermissionGrantsTests
{
    private static PermissionGrants Grants(Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection().AddPermissions<SitePermissions>();
        more?.Invoke(services);
        return services.BuildServiceProvider().GetRequiredService<PermissionGrants>();
    }

    private static ClaimsPrincipal SignedIn(params string[] roles) =>
        new(new ClaimsIdentity(roles.Select(r => new Claim(ClaimTypes.Role, r)), authenticationType: "test"));

    [Fact]
    public void The_site_defines_the_permissions_the_admin_area_is_built_on()
    {
        Assert.Equal(
            ["admin.access", "audit.view", "content.delete", "content.edit", "content.publish", "content.view", "media.manage", "quizzes.analyse",
             "settings.manage", "summaries.edit", "translations.manage", "users.manage"],
            Grants().All);
    }

    [Fact]
    public void The_administrator_holds_every_permission_defined()
    {
        var grants = Grants();

        Assert.Equal(grants.All.ToHashSet(), grants.Of(RoleNames.Administrator).ToHashSet());
    }

    [Fact]
    public void A_learner_holds_no_permission() => Assert.Empty(Grants().Of(RoleNames.Learner));

    [Fact]
    public void An_editor_holds_all_content_translations_media_quiz_analysis_and_the_audit_trail_but_not_people_or_settings()
    {
        var editor = Grants().Of(RoleNames.Editor);

        Assert.Equal(
            new HashSet<string>
            {
                Permissions.AdminAccess, Permissions.ContentView, Permissions.ContentEdit, Permissions.ContentPublish, Permissions.ContentDelete, Permissions.TranslationsManage,
                Permissions.MediaManage, Permissions.SummariesEdit, Permissions.QuizzesAnalyse, Permissions.AuditView,
            },
            editor.ToHashSet());
    }

    [Fact]
    public void A_facilitator_holds_the_admin_area_for_session_summaries_and_quiz_analysis_only() =>
        Assert.Equal(new HashSet<string> { Permissions.AdminAccess, Permissions.SummariesEdit, Permissions.QuizzesAnalyse }, Grants().Of(RoleNames.Facilitator).ToHashSet());

    [Fact]
    public void A_feature_adds_its_own_permission_and_grants_and_the_administrator_holds_it_too()
    {
        var grants = Grants(s => s.AddPermissions<WorkshopPermissions>());

        Assert.Contains(WorkshopPermissions.Manage, grants.All);
        Assert.Contains(WorkshopPermissions.Manage, grants.Of(RoleNames.Facilitator));
        Assert.Contains(WorkshopPermissions.Manage, grants.Of(RoleNames.Administrator));
        Assert.Contains(Permissions.ContentView, grants.Of(RoleNames.Facilitator));
        Assert.DoesNotContain(WorkshopPermissions.Manage, grants.Of(RoleNames.Editor));
        Assert.True(grants.Has(SignedIn(RoleNames.Facilitator), WorkshopPermissions.Manage));
    }

    [Fact]
    public void A_grant_of_an_undefined_permission_or_to_an_unknown_role_or_a_name_defined_twice_stops_the_start()
    {
        Assert.Throws<InvalidOperationException>(() => Grants(s => s.AddPermissions<Misspelt>()));
        Assert.Throws<InvalidOperationException>(() => Grants(s => s.AddPermissions<UnknownRole>()));
        Assert.Throws<InvalidOperationException>(() => Grants(s => s.AddPermissions<Twice>()));
    }

    [Fact]
    public void A_person_holds_a_permission_through_any_of_their_roles_and_only_when_signed_in()
    {
        var grants = Grants();

        Assert.True(grants.Has(SignedIn(RoleNames.Facilitator), Permissions.QuizzesAnalyse));
        Assert.False(grants.Has(SignedIn(RoleNames.Facilitator), Permissions.ContentView));
        Assert.True(grants.Has(SignedIn(RoleNames.Learner, RoleNames.Editor), Permissions.ContentView));
        Assert.True(grants.Has(SignedIn(RoleNames.Administrator), Permissions.SettingsManage));
        Assert.False(grants.Has(SignedIn(RoleNames.Editor), Permissions.UsersManage));
        Assert.False(grants.Has(SignedIn("editor"), Permissions.ContentView));
        Assert.False(grants.Has(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, RoleNames.Administrator)])), Permissions.ContentView));
        Assert.False(grants.Has(SignedIn(RoleNames.Administrator), "no.such.permission"));
    }

    /// <summary>What the workshops feature will bring: its own permission, and a look at drafts for its facilitators.</summary>
    private sealed class WorkshopPermissions : IPermissionProvider
    {
        public const string Manage = "workshops.manage";

        public IEnumerable<string> DefinedPermissions => [Manage];

        public IEnumerable<RoleGrant> Grants => [new(RoleNames.Facilitator, [Manage, Permissions.ContentView])];
    }

    private sealed class Misspelt : IPermissionProvider
    {
        public IEnumerable<string> DefinedPermissions => [];

        public IEnumerable<RoleGrant> Grants => [new(RoleNames.Editor, ["content.veiw"])];
    }

    private sealed class UnknownRole : IPermissionProvider
    {
        public IEnumerable<string> DefinedPermissions => [];

        public IEnumerable<RoleGrant> Grants => [new("Moderator", [Permissions.ContentView])];
    }

    private sealed class Twice : IPermissionProvider
    {
        public IEnumerable<string> DefinedPermissions => [Permissions.ContentView];

        public IEnumerable<RoleGrant> Grants => [];
    }
}
