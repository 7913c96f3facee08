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
}

public static class RoleNames
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Facilitator = "Facilitator";
    public const string Learner = "Learner";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Facilitator, Learner];
}
