using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Workshops.Registrations;

/// <summary>The emails a registration causes; each is a template of the theme (<c>emails/{name}.liquid</c>).</summary>
public static class RegistrationTemplates
{
    /// <summary>A place is yours: the ticket and a link to give the place up.</summary>
    public const string Registered = "workshop-registered";

    /// <summary>No place yet: you are number N on the waitlist.</summary>
    public const string Waitlisted = "workshop-waitlisted";

    /// <summary>A place freed up for you: the ticket.</summary>
    public const string Promoted = "workshop-place-freed";

    /// <summary>The workshop began and no place freed up.</summary>
    public const string WaitlistExpired = "workshop-waitlist-expired";

    /// <summary>The workshop is tomorrow, or in an hour.</summary>
    public const string Reminder = "workshop-reminder";
}

/// <summary>One email about a registration: which template, about whom, about which workshop (in the person's language where it exists).</summary>
/// <param name="Position">The place on the waitlist, for <see cref="RegistrationTemplates.Waitlisted"/>.</param>
/// <param name="HoursBefore">How long before the start a reminder is sent (24 or 1).</param>
public sealed record RegistrationEmail(string Template, WorkshopRegistration Registration, PublishedItem Workshop, int? Position = null, int? HoursBefore = null);

/// <summary>
/// Puts a registration email into the outbox of <paramref name="db"/> without saving, so that it is written in the
/// same transaction as the change it tells about. The host writes it with the theme, the ticket's links and its QR code.
/// </summary>
public interface IRegistrationEmails
{
    Task QueueAsync(LearnDbContext db, RegistrationEmail email, CancellationToken cancellationToken = default);
}
