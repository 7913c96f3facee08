using System.Runtime.Serialization;

namespace MyAlmaty.Learn.Web.Learners;

// Field names in the forms are snake_case, like everything the templates see.

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    [DataMember(Name = "return_path")]
    public string? ReturnPath { get; set; }
}

public sealed class SignUpForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public sealed class LinkForm
{
    public string? Purpose { get; set; }

    /// <summary>An invitation may choose a password; every other link leaves these empty.</summary>
    public string? Password { get; set; }
    [DataMember(Name = "password_again")]
    public string? PasswordAgain { get; set; }
}

public sealed class ResetForm
{
    public string? Password { get; set; }
    [DataMember(Name = "password_again")]
    public string? PasswordAgain { get; set; }
}

public sealed class ProfileForm
{
    [DataMember(Name = "display_name")]
    public string? DisplayName { get; set; }
    [DataMember(Name = "certificate_name")]
    public string? CertificateName { get; set; }
    [DataMember(Name = "preferred_culture")]
    public string? PreferredCulture { get; set; }
}

public sealed class DeleteForm
{
    public string? Confirm { get; set; }
}

/// <summary>Messages of the account pages, as English msgids translated in the PO files.</summary>
public static class AccountMessages
{
    public const string EmailMissing = "Enter your email address.";
    public const string EmailInvalid = "This does not look like an email address. Check it, please.";
    public const string WrongCredentials = "The email or the password is not right.";
    public const string LockedOut = "Too many attempts. Try again in 15 minutes, or sign in with a link sent by email.";
    public const string PasswordsDiffer = "The two passwords are not the same.";
    public const string PasswordTooShort = "The password must be at least 10 characters long.";
    public const string PasswordTooSimple = "The password needs more different characters.";
    public const string PasswordInvalid = "This password cannot be used. Choose another, please.";
    public const string NameTooLong = "The name is too long: 100 characters at most.";
    public const string ConfirmDeletion = "Tick the box to confirm that the account should be deleted.";
    public const string TooManyRequests = "Too many requests. Wait a minute and try again.";
    public const string AccountLocked = "The site's administrators have locked this account. If you think this is a mistake, write to the MyAlmaty team.";
    public const string LastAdministrator = "You are the site's only administrator. Make someone else an administrator before deleting your account: without one, nobody could manage the site.";

    public static string ForPasswordError(string identityCode) => identityCode switch
    {
        "PasswordTooShort" => PasswordTooShort,
        "PasswordRequiresUniqueChars" => PasswordTooSimple,
        _ => PasswordInvalid,
    };
}
