using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Workshops.Registrations;

/// <summary>
/// A person's workshop registrations, made signed in (by account) or not (by address): exported with when they came,
/// and erased with the account. Erasing a place frees it, so the workshop's count of places stays true.
/// </summary>
public sealed class RegistrationPersonalData(LearnDbContext db) : IPersonalDataHolder
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
    [
        new("workshopRegistrations", [.. await db.Set<WorkshopRegistration>().AsNoTracking().Where(Of(subject)).OrderBy(r => r.Id)
            .Select(r => new { Workshop = r.WorkshopKey, r.Name, r.Email, r.Culture, r.Latin, Status = r.Status.ToString(), r.CreatedUtc, r.StatusChangedUtc, r.CheckedInUtc })
            .ToListAsync(cancellationToken)]),
    ];

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default)
    {
        var registrations = db.Set<WorkshopRegistration>();
        var places = await registrations.Where(Of(subject)).Where(r => r.Status == RegistrationStatus.Registered)
            .GroupBy(r => r.WorkshopKey).Select(g => new { Key = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        foreach (var place in places)
        {
            await db.Set<WorkshopSeats>().Where(s => s.WorkshopKey == place.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken >= place.Count ? x.Taken - place.Count : 0), cancellationToken);
        }
        await registrations.Where(Of(subject)).ExecuteDeleteAsync(cancellationToken);
    }

    private static Expression<Func<WorkshopRegistration, bool>> Of(DataSubject subject) =>
        r => r.UserId == subject.UserId || r.NormalizedEmail == subject.NormalizedEmail;
}
