using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Workshops.Invitations;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Workshops.Campaigns;

/// <summary>A campaign's report: how many lines fall under each verdict, and every line.</summary>
public sealed record CampaignReport(InvitationCampaign Campaign, IReadOnlyList<CampaignRecipient> Rows)
{
    public int Count(RecipientVerdict verdict) => Rows.Count(r => r.Verdict == verdict);
}

public enum SendOutcome
{
    Sent,

    /// <summary>The campaign went out before (a second click, a second tab): nothing more was sent.</summary>
    AlreadySent,

    /// <summary>The workshop is not published, or is cancelled: there is nothing to invite to.</summary>
    NotOpen,

    NothingToSend,
    NotFound,
}

/// <param name="Queued">Invitations queued by this sending.</param>
public sealed record SendResult(SendOutcome Outcome, int Queued = 0);

/// <summary>
/// Invitation campaigns: a list is checked into a draft (every line with its verdict, nothing sent), the facilitator
/// reads the report and chooses each recipient's language, and sending makes one <see cref="WorkshopInvitation"/> per
/// valid line and queues its email in the same transaction, so an invitation exists exactly when its email does.
/// </summary>
public sealed class WorkshopCampaigns(LearnDbContext db, MailSuppressions suppressions, InvitationMail mail, TimeProvider clock)
{
    /// <summary>Checks <paramref name="lines"/> and keeps them as a draft campaign of the workshop; returns its id.</summary>
    /// <param name="defaultLanguage">For lines that name no language: the workshop's first language.</param>
    public async Task<long> DraftAsync(string workshopKey, string createdBy, CampaignSource source, IReadOnlyList<RecipientLine> lines, string defaultLanguage,
        CancellationToken cancellationToken = default)
    {
        var campaign = new InvitationCampaign { WorkshopKey = workshopKey, CreatedBy = createdBy, CreatedUtc = clock.GetUtcNow().UtcDateTime, Source = source };
        var rows = lines.Select(l =>
        {
            var (culture, latin) = Split(l.Language ?? defaultLanguage);
            return new CampaignRecipient
            {
                Line = l.Line,
                Email = l.Email.Length > 400 ? l.Email[..400] : l.Email,
                NormalizedEmail = l.Problem is null ? EmailAddresses.Normalize(l.Email) : "",
                Name = l.Name,
                Culture = culture,
                Latin = latin,
                LanguageGiven = l.Language is not null,
                Verdict = l.Problem is null ? RecipientVerdict.Valid : RecipientVerdict.Invalid,
                Reason = l.Problem,
                NameCleaned = l.NameCleaned,
            };
        }).ToList();
        await ClassifyAsync(workshopKey, rows, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var row in rows) row.CampaignId = campaign.Id;
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return campaign.Id;
    }

    public async Task<CampaignReport?> ReportAsync(string workshopKey, long campaignId, CancellationToken cancellationToken = default)
    {
        var campaign = await db.Set<InvitationCampaign>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId && c.WorkshopKey == workshopKey, cancellationToken);
        if (campaign is null) return null;
        var rows = await db.Set<CampaignRecipient>().AsNoTracking().Where(r => r.CampaignId == campaignId).OrderBy(r => r.Line).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return new CampaignReport(campaign, rows);
    }

    /// <summary>
    /// Sends the draft: the lines are checked again (someone may have registered or unsubscribed since the report),
    /// each valid one gets its invitation in the language chosen (<paramref name="languages"/> by row id: ru, kk, kk-latn).
    /// </summary>
    public async Task<SendResult> SendAsync(string workshopKey, long campaignId, IReadOnlyDictionary<long, string> languages, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var campaign = await db.Set<InvitationCampaign>().SingleOrDefaultAsync(c => c.Id == campaignId && c.WorkshopKey == workshopKey, cancellationToken);
        if (campaign is null) return new(SendOutcome.NotFound);
        // Claimed by a conditional update: of two clicks, one sends and the other finds it sent.
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Set<InvitationCampaign>().Where(c => c.Id == campaignId && c.SentUtc == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.SentUtc, now), cancellationToken) == 0)
        {
            return new(SendOutcome.AlreadySent);
        }
        var rows = await db.Set<CampaignRecipient>().Where(r => r.CampaignId == campaignId).OrderBy(r => r.Line).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.Verdict != RecipientVerdict.Invalid))
        {
            if (languages.TryGetValue(row.Id, out var chosen) && IsLanguage(chosen)) (row.Culture, row.Latin) = Split(chosen);
            row.Verdict = RecipientVerdict.Valid;
            row.Reason = row.ReasonArgument = null;
        }
        await ClassifyAsync(workshopKey, rows, cancellationToken);
        var valid = rows.Where(r => r.Verdict == RecipientVerdict.Valid).ToList();
        if (valid.Count == 0) return new(SendOutcome.NothingToSend);
        var invitations = valid.Select(r => new WorkshopInvitation
        {
            CampaignId = campaignId,
            WorkshopKey = workshopKey,
            Email = r.Email,
            NormalizedEmail = r.NormalizedEmail,
            Name = r.Name,
            Culture = r.Culture,
            Latin = r.Latin,
            CreatedUtc = now,
        }).ToList();
        db.AddRange(invitations);
        await db.SaveChangesAsync(cancellationToken);
        var queued = new List<(WorkshopInvitation Invitation, OutboxMessage Message)>();
        try
        {
            foreach (var invitation in invitations)
            {
                if (await mail.QueueAsync(db, invitation, cancellationToken) is { } message) queued.Add((invitation, message));
                else db.Remove(invitation);
            }
        }
        catch (InvalidOperationException)
        {
            // Unpublished or cancelled meanwhile: the transaction is dropped with everything in it, the draft stays a draft.
            return new(SendOutcome.NotOpen);
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (invitation, message) in queued) invitation.OutboxMessageId = message.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new(SendOutcome.Sent, queued.Count);
    }

    /// <summary>Duplicates within the list, then suppressed addresses, people registered and people invited before.</summary>
    private async Task ClassifyAsync(string workshopKey, IReadOnlyList<CampaignRecipient> rows, CancellationToken cancellationToken)
    {
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows.Where(r => r.Verdict == RecipientVerdict.Valid))
        {
            if (firstLine.TryGetValue(row.NormalizedEmail, out var first))
            {
                row.Verdict = RecipientVerdict.Duplicate;
                row.Reason = CampaignMessages.Duplicate;
                row.ReasonArgument = first.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else firstLine[row.NormalizedEmail] = row.Line;
        }
        var candidates = rows.Where(r => r.Verdict == RecipientVerdict.Valid).ToList();
        var suppressed = await suppressions.SuppressedAmongAsync(candidates.Select(r => r.Email), cancellationToken);
        var registered = new HashSet<string>(StringComparer.Ordinal);
        var invited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in candidates.Select(r => r.NormalizedEmail).Chunk(500))
        {
            registered.UnionWith(await db.Set<WorkshopRegistration>().AsNoTracking()
                .Where(r => r.WorkshopKey == workshopKey && chunk.Contains(r.NormalizedEmail)
                    && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted))
                .Select(r => r.NormalizedEmail).ToListAsync(cancellationToken));
            invited.UnionWith(await db.Set<WorkshopInvitation>().AsNoTracking()
                .Where(i => i.WorkshopKey == workshopKey && chunk.Contains(i.NormalizedEmail))
                .Select(i => i.NormalizedEmail).ToListAsync(cancellationToken));
        }
        foreach (var row in candidates)
        {
            (row.Verdict, row.Reason) = true switch
            {
                _ when suppressed.Contains(row.Email) => (RecipientVerdict.Unsubscribed, CampaignMessages.Unsubscribed),
                _ when registered.Contains(row.NormalizedEmail) => (RecipientVerdict.Registered, CampaignMessages.Registered),
                _ when invited.Contains(row.NormalizedEmail) => (RecipientVerdict.Invited, CampaignMessages.Invited),
                _ => (RecipientVerdict.Valid, (string?)null),
            };
        }
    }

    /// <summary>The three ways a person can read an invitation.</summary>
    public static readonly IReadOnlyList<string> Languages = ["ru", "kk", "kk-latn"];

    public static bool IsLanguage(string? value) => value is not null && Languages.Contains(value);

    public static (string Culture, bool Latin) Split(string language) => language == "kk-latn" ? (Cultures.Kazakh, true) : (Cultures.IsSupported(language) ? language : Cultures.Default, false);

    public static string Join(string culture, bool latin) => latin && culture == Cultures.Kazakh ? "kk-latn" : culture;
}
