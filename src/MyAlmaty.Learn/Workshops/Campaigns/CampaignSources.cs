using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Workshops.Campaigns;

/// <summary>
/// Recipients the site already knows: the learners of a course (accounts with progress in it, in the language of
/// their account) and the people who came to earlier workshops of the same facilitator (in the language they registered in).
/// </summary>
public sealed class CampaignSources(LearnDbContext db, CourseCatalog courses, LearnerProgress progress)
{
    /// <summary>The courses a facilitator can choose from: key and title in <paramref name="culture"/>.</summary>
    public IReadOnlyList<(string Key, string Title)> Courses(string culture) =>
        [.. courses.Courses(culture).Select(c => (c.Course.TranslationKey, c.Course.Title))];

    public async Task<RecipientList> CourseLearnersAsync(string courseKey, CancellationToken cancellationToken = default)
    {
        // A course's lessons are the same in both languages' outlines (one translation key per lesson); either may be published alone.
        var lessons = Cultures.All.SelectMany(c => courses.Courses(c).Where(o => o.Course.TranslationKey == courseKey))
            .SelectMany(o => o.Lessons.Select(l => l.TranslationKey)).ToHashSet(StringComparer.Ordinal);
        if (lessons.Count == 0) return new RecipientList([]);
        var learners = await progress.LearnersOfAsync(lessons, cancellationToken);
        var people = new List<RecipientLine>();
        foreach (var chunk in learners.Chunk(500))
        {
            var users = await db.Set<LearnUser>().AsNoTracking().Where(u => chunk.Contains(u.Id) && u.Email != null)
                .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).ToListAsync(cancellationToken);
            people.AddRange(users.Select(u => new RecipientLine(0, u.Email!, RecipientLists.CleanName(u.DisplayName).Name, u.PreferredCulture)));
        }
        return Numbered(people.OrderBy(p => p.Email, StringComparer.Ordinal));
    }

    /// <summary>Those checked in at other workshops run by <paramref name="userId"/> (every workshop for <paramref name="all"/>).</summary>
    public async Task<RecipientList> PastAttendeesAsync(string workshopKey, string userId, bool all, CancellationToken cancellationToken = default)
    {
        var mine = db.Set<WorkshopFacilitator>().Where(f => f.UserId == userId).Select(f => f.WorkshopKey);
        var attended = await db.Set<WorkshopRegistration>().AsNoTracking()
            .Where(r => r.WorkshopKey != workshopKey && r.CheckedInUtc != null && (all || mine.Contains(r.WorkshopKey)))
            .OrderByDescending(r => r.CheckedInUtc)
            .Select(r => new { r.Email, r.NormalizedEmail, r.Name, r.Culture, r.Latin })
            .ToListAsync(cancellationToken);
        // The most recent visit gives the name and language of a person who came several times.
        return Numbered(attended.DistinctBy(r => r.NormalizedEmail).OrderBy(r => r.Email, StringComparer.Ordinal)
            .Select(r => new RecipientLine(0, r.Email, r.Name, WorkshopCampaigns.Join(r.Culture, r.Latin))));
    }

    private static RecipientList Numbered(IEnumerable<RecipientLine> lines)
    {
        var numbered = lines.Select((l, i) => l with { Line = i + 1 }).ToList();
        return numbered.Count > RecipientLists.MaxRecipients ? RecipientList.Refused(CampaignMessages.TooManyLines, RecipientLists.MaxRecipients) : new RecipientList(numbered);
    }
}
