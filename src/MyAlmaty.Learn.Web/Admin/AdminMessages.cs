namespace MyAlmaty.Learn.Web.Admin;

/// <summary>Messages of the people pages, as English msgids translated in the PO files.</summary>
public static class PeopleMessages
{
    public const string EmailMissing = "Enter the address to send the invitation to.";
    public const string ChooseRole = "Choose one of the roles.";
    public const string ChooseLanguage = "Choose the language of the invitation.";
    public const string AlreadyHasAccount = "{0} already has an account, so no invitation was sent. To give them another role, open their page in the list below.";
    public const string LastAdministrator = "{0} is the only administrator who can sign in. Until someone else is an administrator, their role cannot be changed and their account cannot be locked: otherwise nobody could manage people and the site.";
    public const string OwnAccount = "You cannot lock your own account.";
    public const string NotPending = "This person has already accepted an invitation.";
    public const string Invited = "Invitation sent. Its link works for 7 days.";
    public const string InvitedAgain = "A new invitation has been sent. Its link works for 7 days.";
    public const string RoleChanged = "Role changed. It applies from the person's next page, without signing them out.";
    public const string Locked = "Account locked: the person has been signed out everywhere and cannot sign in until it is unlocked.";
    public const string Unlocked = "Account unlocked: the person can sign in again.";
    public const string Unchanged = "Nothing to change: it already was so.";
}

/// <summary>Messages of the audit trail's filters.</summary>
public static class AuditMessages
{
    public const string DateInvalid = "Enter the date as year-month-day, for example 2026-12-31.";
    public const string DatesReversed = "The first date is after the second one.";
}
