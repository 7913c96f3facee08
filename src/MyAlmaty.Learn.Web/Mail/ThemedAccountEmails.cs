using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Mail;

/// <summary>Account emails written by the theme's email templates, in the recipient's language, into the outbox.</summary>
public sealed class ThemedAccountEmails(ThemeRenderer theme, IMailOutbox outbox) : IAccountEmails
{
    public async Task QueueAsync(LearnDbContext db, AccountEmail email, CancellationToken cancellationToken = default)
    {
        var (subject, html, text) = await theme.RenderEmailAsync(email.Template, email.Culture, new Dictionary<string, object?>
        {
            ["model"] = new { email.Link, email.Name, Email = email.To, email.Role, email.InvitedBy },
            ["culture"] = email.Culture,
        });
        outbox.Enqueue(db, new OutgoingMail(email.To, email.Name, email.Culture, subject, html, text));
    }
}
