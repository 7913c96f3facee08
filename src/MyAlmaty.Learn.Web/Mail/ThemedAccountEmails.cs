using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Web.Mail;

/// <summary>Account emails written by the theme's email templates, in the recipient's language, into the outbox.</summary>
public sealed class ThemedAccountEmails(IThemedMail mail) : IAccountEmails
{
    public Task QueueAsync(LearnDbContext db, AccountEmail email, CancellationToken cancellationToken = default) =>
        mail.QueueAsync(db, new ThemedMessage(email.Template, email.To, email.Name, email.Culture,
            new { email.Link, email.Name, Email = email.To, email.Role, email.InvitedBy }), cancellationToken);
}
