using static MyAlmaty.Learn.Users.Permissions;

namespace MyAlmaty.Learn.Users;

/// <summary>
/// What a person may do, by name. Endpoints declare the permission they need where they are
/// mapped; roles hold permissions through <see cref="SitePermissions"/> and the grants of other
/// features (<see cref="IPermissionProvider"/>); nothing else decides who may do what.
/// </summary>
public static class Permissions
{
    /// <summary>Enter the admin area: its overview, and whatever else the other permissions open.</summary>
    public const string AdminAccess = "admin.access";

    /// <summary>See drafts and unpublished items: the content list of the admin area and the editors' search.</summary>
    public const string ContentView = "content.view";
    public const string ContentEdit = "content.edit";
    public const string ContentPublish = "content.publish";
    public const string ContentDelete = "content.delete";
    public const string TranslationsManage = "translations.manage";
    public const string MediaManage = "media.manage";

    /// <summary>Write and publish session summaries, and nothing else of the content.</summary>
    public const string SummariesEdit = "summaries.edit";

    /// <summary>A quiz's item analysis: which questions did not land, from everyone's finished attempts.</summary>
    public const string QuizzesAnalyse = "quizzes.analyse";
    public const string UsersManage = "users.manage";
    public const string AuditView = "audit.view";
    public const string SettingsManage = "settings.manage";
}

/// <summary>
/// The site's own permissions and who holds them: the one table to read when asking «who may…».
/// The Administrator is not listed: that role holds every permission any feature defines.
/// </summary>
public sealed class SitePermissions : IPermissionProvider
{
    public IEnumerable<string> DefinedPermissions =>
    [
        AdminAccess, ContentView, ContentEdit, ContentPublish, ContentDelete,
        TranslationsManage, MediaManage, SummariesEdit,
        QuizzesAnalyse, UsersManage, AuditView, SettingsManage,
    ];

    public IEnumerable<RoleGrant> Grants =>
    [
        // Editors look after all content in both languages, its files and its history; not people, not the site's settings.
        new(RoleNames.Editor,
        [
            AdminAccess, ContentView, ContentEdit, ContentPublish, ContentDelete,
            TranslationsManage, MediaManage, SummariesEdit,
            QuizzesAnalyse, AuditView,
        ]),
        // Facilitators write up their sessions and see how their groups did. Drafts of courses are editors' unfinished
        // work: the workshops feature will grant facilitators what its own pages need.
        new(RoleNames.Facilitator, [AdminAccess, SummariesEdit, QuizzesAnalyse]),
        // Learners need no permission: everything a learner does is open to every reader, or is their own.
        new(RoleNames.Learner, []),
    ];
}
