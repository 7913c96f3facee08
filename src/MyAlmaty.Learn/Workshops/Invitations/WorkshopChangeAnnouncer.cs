using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>
/// Keeps the calendars of a workshop's people in step with it. When the published time or place changes, every
/// invitation not answered «no» gets an update (its revision + 1 as SEQUENCE, the same UID, METHOD:REQUEST); when
/// the workshop is cancelled, or taken off the site in every language, every invitation gets METHOD:CANCEL.
/// Registrations that came without an invitation get the same, with the workshop's <see cref="WorkshopAnnouncement.Sequence"/>.
/// The mail goes into the outbox in the publication's own transaction. A change of the online link alone is told
/// only to people with a place: the others' calendars never held the link. A new venue is told in each language
/// when that language's item brings it (a venue is written in each language's words); a new time, to everyone at once.
/// </summary>
public sealed class WorkshopChangeAnnouncer(
    WorkshopLetters letters, IMailOutbox outbox, PublishedContent published, MailSuppressionKey suppressionKey, UiStrings strings, TimeProvider time)
    : IContentPublicationHandler
{
    public async Task OnPublishingAsync(LearnDbContext db, ContentPublication publication, CancellationToken cancellationToken)
    {
        if (publication.Key.ContentType != WorkshopTypeNames.Workshop) return;
        var key = publication.Key.TranslationKey;
        var now = MailedWorkshop.Of(publication.Key, publication.Now);
        var before = MailedWorkshop.Of(publication.Key, publication.Before);
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var state = db.Set<WorkshopAnnouncement>().Local.FirstOrDefault(a => a.WorkshopKey == key)
            ?? await db.Set<WorkshopAnnouncement>().FirstOrDefaultAsync(a => a.WorkshopKey == key, cancellationToken);
        if (state is null)
        {
            // The first publication, or a workshop published before announcements were kept: people were told what the public saw.
            if ((before ?? now) is not { } seen) return;
            state = new WorkshopAnnouncement { WorkshopKey = key, Cancelled = seen.Facts.Status == WorkshopStatus.Cancelled };
            state.Tell(seen.Culture, WorkshopPlace.Of(seen.Facts), nowUtc);
            db.Add(state);
        }
        if (!state.KnowsVenueIn(publication.Key.Culture) && (before ?? now) is { } first)
        {
            // The first item in this language: its venue is what its readers saw, not news.
            state.Tell(first.Culture, WorkshopPlace.Of(first.Facts) with { StartsAt = state.StartsAt, EndsAt = state.EndsAt, OnlineUrl = state.OnlineUrl }, state.UpdatedUtc);
        }

        var cancelled = now is null ? !OtherLanguageStaysPublished(db, publication.Key) : now.Facts.Status == WorkshopStatus.Cancelled;
        if (cancelled)
        {
            if (state.Cancelled) return;
            state.Cancelled = true;
            state.Sequence++;
            state.UpdatedUtc = nowUtc;
            await AnnounceAsync(db, WorkshopLetterKind.Cancelled, (now ?? before)!, state, null, false, null, cancellationToken);
            return;
        }
        if (now is null) return;

        var told = state.PlaceIn(now.Culture);
        var place = WorkshopPlace.Of(now.Facts);
        var reinstated = state.Cancelled;
        if (told == place && !reinstated) return;
        // A new venue in one language's words is news to that language's people; the other item brings it to theirs.
        var onlyOneLanguage = !reinstated && told with { Venue = place.Venue } == place ? now.Culture : null;
        state.Cancelled = false;
        state.Sequence++;
        state.Tell(now.Culture, place, nowUtc);
        await AnnounceAsync(db, WorkshopLetterKind.Update, now, state, told, reinstated, onlyOneLanguage, cancellationToken);
    }

    private async Task AnnounceAsync(LearnDbContext db, WorkshopLetterKind kind, MailedWorkshop workshop, WorkshopAnnouncement state,
        WorkshopPlace? told, bool reinstated, string? onlyCulture, CancellationToken cancellationToken)
    {
        var key = workshop.Key;
        var onlyTheLink = told is not null && !reinstated && told with { OnlineUrl = workshop.Facts.OnlineUrl } == WorkshopPlace.Of(workshop.Facts);
        // Invitations of a campaign still being prepared were never sent: nobody holds them in a calendar.
        var invitations = await db.Set<WorkshopInvitation>()
            .Where(i => i.WorkshopKey == key && db.Set<InvitationCampaign>().Any(c => c.Id == i.CampaignId && c.SentUtc != null))
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var registrations = await db.Set<WorkshopRegistration>()
            .Where(r => r.WorkshopKey == key && r.InvitationId == null && (r.Status == RegistrationStatus.Registered || r.Status == RegistrationStatus.Waitlisted))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var withPlace = await db.Set<WorkshopRegistration>()
            .Where(r => r.WorkshopKey == key && r.InvitationId != null && r.Status == RegistrationStatus.Registered)
            .Select(r => r.InvitationId).ToListAsync(cancellationToken);
        var suppressed = await new MailSuppressions(db, suppressionKey, time)
            .SuppressedAmongAsync(invitations.Select(i => i.Email).Concat(registrations.Select(r => r.Email)), cancellationToken);

        foreach (var invitation in invitations)
        {
            if (suppressed.Contains(invitation.Email) || (onlyCulture is not null && invitation.Culture != onlyCulture)) continue;
            if (kind == WorkshopLetterKind.Update && invitation.Answer == RsvpAnswer.No) continue;
            var hasPlace = invitation.Answer == RsvpAnswer.Yes || withPlace.Contains(invitation.Id);
            if (onlyTheLink && !hasPlace) continue;
            invitation.Revision++;
            var to = new WorkshopRecipient(invitation.Email, invitation.Name, invitation.Culture, invitation.Latin);
            await QueueAsync(db, new WorkshopLetter(kind, InWordsOf(workshop, invitation.Culture, told), to, invitation.Revision, InvitationMail.MessageIdOf(invitation.Id, invitation.Revision))
            {
                InvitationId = invitation.Id,
                Changes = ChangesFor(told, workshop, invitation.Culture, hasPlace),
                ShowOnlineLink = hasPlace,
                Reinstated = reinstated,
            }, cancellationToken);
        }
        foreach (var registration in registrations)
        {
            if (suppressed.Contains(registration.Email) || (onlyCulture is not null && registration.Culture != onlyCulture)) continue;
            var hasPlace = registration.Status == RegistrationStatus.Registered;
            if (onlyTheLink && !hasPlace) continue;
            var to = new WorkshopRecipient(registration.Email, registration.Name, registration.Culture, registration.Latin);
            await QueueAsync(db, new WorkshopLetter(kind, InWordsOf(workshop, registration.Culture, told), to, state.Sequence, $"registration-{registration.Id}-r{state.Sequence}")
            {
                Changes = ChangesFor(told, workshop, registration.Culture, hasPlace),
                ShowOnlineLink = hasPlace,
                Reinstated = reinstated,
            }, cancellationToken);
        }
    }

    private async Task QueueAsync(LearnDbContext db, WorkshopLetter letter, CancellationToken cancellationToken)
    {
        var mail = await letters.RenderAsync(letter, cancellationToken);
        outbox.Enqueue(db, mail);
    }

    /// <summary>The workshop with these facts in the words (title, page) of the person's language when it has that translation.</summary>
    private MailedWorkshop InWordsOf(MailedWorkshop workshop, string culture, WorkshopPlace? told) =>
        culture == workshop.Culture
            ? workshop
            : workshop.InWordsOf(published.Current.ByKey(culture, WorkshopTypeNames.Workshop, workshop.Key), told is not null && told.Venue != workshop.Facts.Venue);

    private List<WorkshopChange> ChangesFor(WorkshopPlace? told, MailedWorkshop workshop, string culture, bool hasPlace)
    {
        var changes = new List<WorkshopChange>();
        if (told is null) return changes;
        var facts = workshop.Facts;
        if (told.StartsAt != facts.StartsAt || told.EndsAt != facts.EndsAt)
        {
            changes.Add(new("time", letters.When(told.StartsAt, told.EndsAt, culture), letters.When(facts.StartsAt, facts.EndsAt, culture)));
        }
        var online = strings.Get(culture, InvitationMessages.Online);
        if (told.Venue != facts.Venue) changes.Add(new("venue", told.Venue ?? online, facts.Venue ?? online));
        if (hasPlace && told.OnlineUrl != facts.OnlineUrl && facts.OnlineUrl is not null) changes.Add(new("online", told.OnlineUrl ?? "—", facts.OnlineUrl));
        return changes;
    }

    /// <summary>
    /// Whether the workshop stays on the site in the other language after this save: taking one language's item
    /// off does not cancel it, taking off both (in this save or one after the other) does.
    /// </summary>
    private bool OtherLanguageStaysPublished(LearnDbContext db, ContentKey key)
    {
        if (published.Current.ByKey(Cultures.Other(key.Culture), WorkshopTypeNames.Workshop, key.TranslationKey) is not { } other) return false;
        if (db.ChangeTracker.Entries<ContentItem>().Any(e => e.Entity.Id == other.ItemId && e.State == EntityState.Deleted)) return false;
        var versions = db.ChangeTracker.Entries<ContentItemVersion>().Where(v => v.Entity.ContentItemId == other.ItemId).ToList();
        var takenOff = versions.Any(v => v.Property(x => x.Published).OriginalValue && (!v.Entity.Published || v.State == EntityState.Deleted));
        return !takenOff || versions.Any(v => v.Entity.Published && v.State != EntityState.Deleted);
    }
}
