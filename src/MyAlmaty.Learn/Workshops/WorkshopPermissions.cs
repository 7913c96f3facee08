using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Workshops;

/// <summary>The workshops feature's permissions and who holds them.</summary>
public sealed class WorkshopPermissions : IPermissionProvider
{
    /// <summary>
    /// Run one's own workshops: create them, invite, see who registered and who came, check people in,
    /// write the summary. Which workshops are one's own is the workshop's list of facilitator accounts.
    /// </summary>
    public const string Run = "workshops.run";

    /// <summary>Every workshop as if one ran it, attendee lists included: administrators only.</summary>
    public const string RunAll = "workshops.all";

    public IEnumerable<string> DefinedPermissions => [Run, RunAll];

    public IEnumerable<RoleGrant> Grants =>
    [
        new(RoleNames.Facilitator, [Run]),
        // Editors may run workshops of their own, but attendee lists stay with each workshop's facilitators.
        new(RoleNames.Editor, [Run]),
    ];
}
