using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Media;

/// <summary>
/// The pictures a person uploaded. They are the site's content, shown in lessons, so deleting the
/// account keeps them and forgets who uploaded them.
/// </summary>
public sealed class MediaPersonalData(LearnDbContext db) : IPersonalDataHolder
{
    public async Task<IReadOnlyList<PersonalDataSection>> ExportAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
    [
        new("uploadedPictures", [.. await db.Set<MediaItem>().AsNoTracking().Where(m => m.UploadedBy == subject.UserId).OrderBy(m => m.Id)
            .Select(m => new { m.Hash, m.Name, m.Width, m.Height, m.AltRu, m.AltKk, m.UploadedUtc }).ToListAsync(cancellationToken)]),
    ];

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken = default) =>
        await db.Set<MediaItem>().Where(m => m.UploadedBy == subject.UserId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.UploadedBy, (string?)null), cancellationToken);
}
