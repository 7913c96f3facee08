using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Mail;

/// <summary>Emails from the theme's templates, in the recipient's language and, for Kazakh, alphabet.</summary>
public sealed class ThemedMail(ThemeRenderer theme, IMailOutbox outbox) : IThemedMail
{
    public async Task<OutgoingMail> RenderAsync(ThemedMessage message, CancellationToken cancellationToken = default)
    {
        var (subject, html, text) = await theme.RenderEmailAsync(message.Template, message.Culture, new Dictionary<string, object?>
        {
            ["model"] = message.Model,
            ["culture"] = message.Culture,
        });
        if (message.Latin && message.Culture == Cultures.Kazakh)
        {
            subject = KazakhLatin.ToLatin(subject);
            html = LatinScript.Transliterate(html);
            text = KazakhLatin.ToLatin(text);
        }
        return new OutgoingMail(message.To, message.ToName, message.Culture, subject, html, text)
        {
            Parts = message.Parts,
            Headers = message.Headers,
        };
    }

    public async Task<OutboxMessage> QueueAsync(LearnDbContext db, ThemedMessage message, CancellationToken cancellationToken = default) =>
        outbox.Enqueue(db, await RenderAsync(message, cancellationToken));
}
