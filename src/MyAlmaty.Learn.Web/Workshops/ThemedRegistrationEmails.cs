using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Web.Hosting;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Web.Workshops;

/// <summary>
/// Registration emails from the theme's templates, in the person's language and alphabet. An email that gives a place
/// carries the ticket: its link, and its QR code as a PNG attachment (mail programs show no SVG, and many hide inline images).
/// </summary>
public sealed class ThemedRegistrationEmails(IThemedMail mail, RegistrationLinks links, PublicAddress address, PublishedContent published, ContentUrls urls) : IRegistrationEmails
{
    public async Task QueueAsync(LearnDbContext db, RegistrationEmail email, CancellationToken cancellationToken = default)
    {
        var (registration, workshop) = (email.Registration, email.Workshop);
        var culture = registration.Culture;
        var facts = workshop.MetadataAs<WorkshopMetadata>();
        var hasPlace = registration.Status == RegistrationStatus.Registered;
        var ticket = links.TicketToken(registration, workshop);
        var checkIn = address.Absolute(RegistrationLinks.CheckInPath(culture, ticket));
        var model = new
        {
            registration.Name,
            registration.Email,
            Title = workshop.Title,
            When = links.When(workshop, culture),
            facts.Venue,
            facts.MapUrl,
            // The online link is for those with a place, as the workshop page promises.
            OnlineUrl = hasPlace ? facts.OnlineUrl : null,
            WorkshopUrl = urls.UrlFor(workshop, published.Current) is { } path ? address.Absolute(path) : null,
            TicketUrl = hasPlace ? address.Absolute(RegistrationLinks.TicketPath(culture, ticket)) : null,
            CancelUrl = registration.Status is RegistrationStatus.Registered or RegistrationStatus.Waitlisted
                ? address.Absolute(RegistrationLinks.CancelPath(culture, links.CancelToken(registration, workshop))) : null,
            email.Position,
            Hours = email.HoursBefore,
        };
        IReadOnlyList<MailPart> parts = hasPlace ? [MailPart.Attachment("ticket-qr.png", "image/png", TicketCode.Png(checkIn))] : [];
        await mail.QueueAsync(db, new ThemedMessage(email.Template, registration.Email, registration.Name, culture, model) { Latin = registration.Latin, Parts = parts }, cancellationToken);
    }
}
