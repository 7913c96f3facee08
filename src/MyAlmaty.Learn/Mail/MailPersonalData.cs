using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Mail;

/// <summary>
/// The e-mails to a person, sent or still waiting: the outbox keeps them. The export lists them
/// without their bodies — the letters are in the person's mailbox, and a body may carry a link
/// that still signs in.
/// </summary>
public sealed class MailPersonalData(LearnDbContext db) : IPersonalDataHolder
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
    [
        new("emails", [.. await db.Set<OutboxMessage>().AsNoTracking().Where(ToAddress(subject)).OrderBy(m => m.Id)
            .Select(m => new { m.To, m.ToName, m.Culture, m.Subject, m.CreatedUtc, m.SentUtc }).ToListAsync(cancellationToken)]),
    ];

    public Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
        db.Set<OutboxMessage>().Where(ToAddress(subject)).ExecuteDeleteAsync(cancellationToken);

    // The outbox keeps the address as the message was addressed, in whatever case it was typed.
    private static Expression<Func<OutboxMessage, bool>> ToAddress(DataSubject subject) =>
        m => m.To == subject.Email || m.To.ToUpper() == subject.NormalizedEmail;
}
