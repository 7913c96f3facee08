using Microsoft.AspNetCore.Identity;

namespace MyAlmaty.Learn.Users;

/// <summary>A person with an account. Email is the sign-in name; a password is optional (one-time links work without).</summary>
public sealed class LearnUser : IdentityUser
{
    /// <summary>How the site addresses the person.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The name printed on certificates, when it differs from <see cref="DisplayName"/>.</summary>
    public string? CertificateName { get; set; }

    /// <summary>ru or kk: every email to this person is written in it.</summary>
    public string PreferredCulture { get; set; } = Localization.Cultures.Default;

    public DateTime CreatedUtc { get; set; }

    /// <summary>When the person last signed in (a new session), if they ever did since this was kept.</summary>
    public DateTime? LastSignInUtc { get; set; }
}

/// <summary>
/// A lock set by staff, as against the 15 minutes after five wrong passwords: it lasts until someone
/// lifts it, and no way in works meanwhile — password, one-time link or a new password.
/// </summary>
public static class StaffLock
{
    /// <summary>The lock-out end that marks it: as far as Identity can count.</summary>
    public static readonly DateTimeOffset Until = DateTimeOffset.MaxValue;

    public static bool Holds(LearnUser user) => Holds(user.LockoutEnd);

    // Compared by year: a provider may store the instant with less precision than it has.
    public static bool Holds(DateTimeOffset? lockoutEnd) => lockoutEnd is { } end && end.Year == Until.Year;
}

public static class RoleNames
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Facilitator = "Facilitator";
    public const string Learner = "Learner";

    /// <summary>The roles from the one that may do the most to the one that may do the least.</summary>
    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Facilitator, Learner];

    /// <summary>A person's roles in the order of <see cref="All"/>; names the site does not know last.</summary>
    public static IReadOnlyList<string> Ordered(IEnumerable<string> roles) =>
        roles.Distinct(StringComparer.Ordinal).OrderBy(Rank).ThenBy(r => r, StringComparer.Ordinal).ToList();

    private static int Rank(string role)
    {
        for (var i = 0; i < All.Count; i++) if (All[i] == role) return i;
        return int.MaxValue;
    }
}
