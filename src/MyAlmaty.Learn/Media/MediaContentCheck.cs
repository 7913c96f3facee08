using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Data;

namespace MyAlmaty.Learn.Media;

/// <summary>
/// Every picture a text shows must be in the library and described in the text's language — by the
/// library's alt text of that language or by text written in the brackets. Either failing is an
/// error: a save in the browser is refused with the message beside the text, an imported file is
/// skipped (its earlier version stays) and reported with its line. A reader who cannot see the
/// picture would otherwise get nothing, or a description in a language the page is not in.
/// </summary>
public sealed class MediaContentCheck(LearnDbContext db) : IContentFileCheck
{
    public async Task CheckAsync(IReadOnlyList<ContentFile> files, List<ImportProblem> problems, CancellationToken cancellationToken = default)
    {
        var shown = files.Select(f => (File: f, References: MediaReferences.Find(f.Body))).Where(s => s.References.Count > 0).ToList();
        if (shown.Count == 0) return;
        var hashes = shown.SelectMany(s => s.References.Select(r => r.Hash)).Where(MediaReferences.IsHash).Distinct().ToList();
        var items = await db.Set<MediaItem>().AsNoTracking().Where(m => hashes.Contains(m.Hash)).ToDictionaryAsync(m => m.Hash, cancellationToken);
        foreach (var (file, references) in shown)
        {
            foreach (var reference in references)
            {
                var line = file.BodyLine + reference.Line;
                if (!items.TryGetValue(reference.Hash, out var item))
                {
                    problems.Add(ImportProblem.Error(file.Path, line, MediaMessages.UnknownImage, reference.Hash) with { Field = "body" });
                }
                else if (reference.Alt is null && item.Alt(file.Culture) is null)
                {
                    problems.Add(ImportProblem.Error(file.Path, line, MediaMessages.NoAltIn(file.Culture), reference.Hash) with { Field = "body" });
                }
            }
        }
    }
}
