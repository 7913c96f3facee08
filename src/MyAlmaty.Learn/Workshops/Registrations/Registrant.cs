using System.Net.Mail;

namespace MyAlmaty.Learn.Workshops.Registrations;

/// <summary>Who registers: a name and an address (typed, or the account's), the language of their emails and, for Kazakh, the alphabet.</summary>
/// <param name="UserId">The account, when the person registered signed in.</param>
/// <param name="InvitationId">The invitation they answered «yes» to, when they came from one.</param>
public sealed record Registrant(string Name, string Email, string Culture, bool Latin = false, string? UserId = null, long? InvitationId = null)
{
    public const int MaxName = 200;
    public const int MaxEmail = 254;

    /// <summary>What is wrong with the name and the address, as msgids of <see cref="RegistrationMessages"/>; empty when nothing is.</summary>
    public IReadOnlyList<(string Field, string Message)> Problems()
    {
        var problems = new List<(string, string)>();
        var name = Name.Trim();
        if (name.Length == 0) problems.Add(("name", RegistrationMessages.NameMissing));
        else if (name.Length > MaxName) problems.Add(("name", RegistrationMessages.NameTooLong));
        // A line break in a name would end an email header early; other control characters have no business in a name either.
        else if (name.Any(char.IsControl)) problems.Add(("name", RegistrationMessages.NameInvalid));
        var email = Email.Trim();
        if (email.Length == 0) problems.Add(("email", RegistrationMessages.EmailMissing));
        else if (email.Length > MaxEmail || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email) problems.Add(("email", RegistrationMessages.EmailInvalid));
        if (!Localization.Cultures.IsSupported(Culture)) problems.Add(("culture", RegistrationMessages.LanguageInvalid));
        return problems;
    }

    /// <summary>The form of the address the registrations are looked up by, as Identity normalizes account addresses.</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}

/// <summary>What registering, cancelling and checking in answer, as msgids translated in ru.po and kk.po.</summary>
public static class RegistrationMessages
{
    public const string NameMissing = "Enter your name.";
    public const string NameTooLong = "The name is too long: at most 200 characters.";
    public const string NameInvalid = "The name cannot contain line breaks or control characters.";
    public const string EmailMissing = "Enter your email address.";
    public const string EmailInvalid = "This does not look like an email address: check it, e.g. name@example.kz.";
    public const string LanguageInvalid = "Choose the language of the emails: Russian or Kazakh.";
}
