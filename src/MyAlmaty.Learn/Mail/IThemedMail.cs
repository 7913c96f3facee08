using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// An email written by a template of the theme (<c>emails/{Template}.liquid</c> for the subject and HTML,
/// <c>emails/{Template}.txt.liquid</c> for the plain text) in the recipient's language.
/// </summary>
/// <param name="Model">What the template reads as <c>model</c>.</param>
public sealed record ThemedMessage(string Template, string To, string? ToName, string Culture, object Model)
{
    /// <summary>Kazakh in Latin letters: subject, text and HTML are transliterated, as the site shows pages to a reader who chose Latin.</summary>
    public bool Latin { get; init; }

    public IReadOnlyList<MailPart> Parts { get; init; } = [];
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The one way features write email: render a theme template (for a preview, or to send), or render it
/// into the outbox of the caller's unit of work. The host implements it with the theme renderer.
/// </summary>
public interface IThemedMail
{
    Task<OutgoingMail> RenderAsync(ThemedMessage message, CancellationToken cancellationToken = default);

    /// <summary>Renders <paramref name="message"/> and adds it to <paramref name="db"/>'s outbox without saving.</summary>
    Task<OutboxMessage> QueueAsync(LearnDbContext db, ThemedMessage message, CancellationToken cancellationToken = default);
}
