using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Workshops.Invitations;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Workshops.Campaigns;

/// <summary>A workshop as its facilitators' list shows it: the newest version's facts and the counts of people.</summary>
public sealed record WorkshopRow(string Key, string Culture, string Title, DateTime? StartsAt, DateTime? EndsAt, int? Capacity, IReadOnlyList<string> Languages,
    bool Published, int Registered, int Waitlisted, int Invited, int Yes, int No, int Maybe, int Attended);

/// <summary>
/// The workshops a person runs: those whose <see cref="WorkshopFacilitator"/> list names their account, or every one for
/// <c>workshops.all</c>. Facilitators do not hold content.edit; whether they may edit a workshop is this list's answer.
/// </summary>
public sealed class WorkshopWorkspace(LearnDbContext db, ContentList list, ContentEditing editing, PermissionGrants grants, WorkshopAttendance attendance, TimeProvider clock)
{
    public Task<bool> RunsAsync(ClaimsPrincipal person, string workshopKey, CancellationToken cancellationToken = default) =>
        attendance.RunsAsync(person, workshopKey, cancellationToken);

    /// <summary>The newest version of the workshop in <paramref name="culture"/>, else in the other language.</summary>
    public async Task<EditableVersion?> VersionAsync(string workshopKey, string culture, CancellationToken cancellationToken = default) =>
        await editing.VersionAsync(new ContentKey(culture, WorkshopTypeNames.Workshop, workshopKey), cancellationToken: cancellationToken)
        ?? await editing.VersionAsync(new ContentKey(Cultures.Other(culture), WorkshopTypeNames.Workshop, workshopKey), cancellationToken: cancellationToken);

    /// <summary>The person's workshops, one row per workshop in <paramref name="culture"/> (else its other language), soonest first.</summary>
    public async Task<IReadOnlyList<WorkshopRow>> ListAsync(ClaimsPrincipal person, string culture, CancellationToken cancellationToken = default)
    {
        var all = grants.Has(person, WorkshopPermissions.RunAll);
        var userId = person.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var mine = (await db.Set<WorkshopFacilitator>().AsNoTracking().Where(f => f.UserId == userId).Select(f => f.WorkshopKey).ToListAsync(cancellationToken)).ToHashSet();
        var items = (await list.QueryAsync(new ContentListQuery { Types = [WorkshopTypeNames.Workshop], PageSize = 1000 }, cancellationToken)).Rows
            .Where(r => all || mine.Contains(r.Key.TranslationKey))
            .GroupBy(r => r.Key.TranslationKey)
            .Select(g => g.FirstOrDefault(r => r.Key.Culture == culture) ?? g.First())
            .ToList();
        var keys = items.Select(i => i.Key.TranslationKey).ToList();
        var registrations = await db.Set<WorkshopRegistration>().AsNoTracking().Where(r => keys.Contains(r.WorkshopKey))
            .GroupBy(r => new { r.WorkshopKey, r.Status })
            .Select(g => new { g.Key.WorkshopKey, g.Key.Status, Count = g.Count(), Attended = g.Count(r => r.CheckedInUtc != null) })
            .ToListAsync(cancellationToken);
        var invitations = await db.Set<WorkshopInvitation>().AsNoTracking().Where(i => keys.Contains(i.WorkshopKey))
            .GroupBy(i => new { i.WorkshopKey, i.Answer }).Select(g => new { g.Key.WorkshopKey, g.Key.Answer, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = new List<WorkshopRow>();
        foreach (var item in items)
        {
            var version = await editing.VersionAsync(item.Key, cancellationToken: cancellationToken);
            var values = version?.Values ?? new Dictionary<string, string>();
            var key = item.Key.TranslationKey;
            int Registrations(RegistrationStatus status) => registrations.Where(r => r.WorkshopKey == key && r.Status == status).Sum(r => r.Count);
            int Answers(RsvpAnswer answer) => invitations.Where(i => i.WorkshopKey == key && i.Answer == answer).Sum(i => i.Count);
            rows.Add(new WorkshopRow(key, item.Key.Culture, item.Title, Moment(values.GetValueOrDefault("startsAt")), Moment(values.GetValueOrDefault("endsAt")),
                int.TryParse(values.GetValueOrDefault("capacity"), out var capacity) ? capacity : null,
                (values.GetValueOrDefault("languages") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                item.Status != ContentStatus.Unpublished,
                Registrations(RegistrationStatus.Registered), Registrations(RegistrationStatus.Waitlisted),
                invitations.Where(i => i.WorkshopKey == key).Sum(i => i.Count), Answers(RsvpAnswer.Yes), Answers(RsvpAnswer.No), Answers(RsvpAnswer.Maybe),
                registrations.Where(r => r.WorkshopKey == key).Sum(r => r.Attended)));
        }
        return [.. rows.OrderBy(r => r.StartsAt ?? DateTime.MaxValue)];
    }

    /// <summary>Whether a workshop ended before now (Almaty time as written in the file).</summary>
    public bool IsPast(WorkshopRow row) => row.EndsAt is { } end && WorkshopCalendar.UtcOf(end) <= clock.GetUtcNow().UtcDateTime;

    public static DateTime? Moment(string? text) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    /// <summary>The people who hold a place now: a capacity below this would take places from people who have them.</summary>
    public Task<int> RegisteredAsync(string workshopKey, CancellationToken cancellationToken = default) =>
        db.Set<WorkshopRegistration>().CountAsync(r => r.WorkshopKey == workshopKey && r.Status == RegistrationStatus.Registered, cancellationToken);

    /// <summary>The workshop's first language, for recipients whose list names none.</summary>
    public async Task<string> FirstLanguageAsync(string workshopKey, string fallback, CancellationToken cancellationToken = default)
    {
        var version = await VersionAsync(workshopKey, fallback, cancellationToken);
        var first = (version?.Values.GetValueOrDefault("languages") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return Cultures.IsSupported(first) ? first! : version?.Key.Culture ?? fallback;
    }

    /// <summary>The workshop's facilitator accounts: id, name, address.</summary>
    public async Task<IReadOnlyList<(string Id, string Name, string Email)>> FacilitatorsAsync(string workshopKey, CancellationToken cancellationToken = default)
    {
        var ids = db.Set<WorkshopFacilitator>().Where(f => f.WorkshopKey == workshopKey).Select(f => f.UserId);
        var people = await db.Set<LearnUser>().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync(cancellationToken);
        return [.. people.Select(p => (p.Id, p.DisplayName ?? p.Email ?? p.Id, p.Email ?? "")).OrderBy(p => p.Item2, StringComparer.CurrentCulture)];
    }

    /// <summary>Makes the account one of the workshop's facilitators; nothing changes if it is one already.</summary>
    public async Task AssignAsync(string workshopKey, string userId, CancellationToken cancellationToken = default)
    {
        if (await db.Set<WorkshopFacilitator>().AnyAsync(f => f.WorkshopKey == workshopKey && f.UserId == userId, cancellationToken)) return;
        db.Add(new WorkshopFacilitator { WorkshopKey = workshopKey, UserId = userId, AssignedUtc = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a co-facilitator by the address of an existing account whose role may run workshops; null (nothing added)
    /// for an address without such an account. Returns the person's name.
    /// </summary>
    public async Task<string?> AddFacilitatorAsync(string workshopKey, string email, CancellationToken cancellationToken = default)
    {
        var normalized = EmailAddresses.Normalize(email);
        var user = await db.Set<LearnUser>().AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        if (user is null || StaffLock.Holds(user)) return null;
        var roles = await db.Set<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().Where(r => r.UserId == user.Id)
            .Join(db.Set<Microsoft.AspNetCore.Identity.IdentityRole>(), ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(cancellationToken);
        if (!roles.Any(r => grants.Of(r).Contains(WorkshopPermissions.Run))) return null;
        await AssignAsync(workshopKey, user.Id, cancellationToken);
        return string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email : user.DisplayName;
    }
}
