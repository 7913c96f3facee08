using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Users;

/// <summary>
/// An email about the account: which template, to whom, in which language, with which link. An
/// invitation also names the role offered and, when they have one, the name of who invited.
/// </summary>
public sealed record AccountEmail(string Template, string To, string Culture, string Link, string? Name = null, string? Role = null, string? InvitedBy = null)
{
    public const string Invitation = "invitation";
    public const string SignInLink = "sign-in-link";
    public const string ConfirmEmail = "confirm-email";
    public const string AlreadyRegistered = "already-registered";
    public const string ResetPassword = "reset-password";
    public const string ResetWithoutAccount = "reset-no-account";
}

/// <summary>
/// Puts an account email into the outbox of <paramref name="db"/> without saving, so it is written in
/// the same transaction as the change that caused it. The host renders it with the theme.
/// </summary>
public interface IAccountEmails
{
    Task QueueAsync(LearnDbContext db, AccountEmail email, CancellationToken cancellationToken = default);
}
