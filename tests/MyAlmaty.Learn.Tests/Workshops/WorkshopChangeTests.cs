using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Workshops.Invitations;
using MyAlmaty.Learn.Workshops.Registrations;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopMailSite;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>When a published workshop moves or is cancelled, the calendars of the people invited and registered follow.</summary>
public sealed class WorkshopChangeTests
{
    private static readonly DateTime March14 = new(2027, 3, 14, 18, 30, 0);

    [Fact]
    public async Task A_new_time_reaches_each_invitee_in_their_language_as_revision_1_of_the_same_event_and_the_translation_published_later_sends_nothing_more()
    {
        await using var site = await StartAsync(March14);
        var (dana, _) = await site.InviteAsync("dana@example.kz", "Дана", "ru");
        var (aigerim, _) = await site.InviteAsync("aigerim@example.kz", "Айгерим", "kk");
        await site.ReceivedAsync("aigerim@example.kz");

        await site.PublishAsync("yards.ru.md", Russian(March14.AddMinutes(30)));

        var update = (await site.ReceivedAsync("aigerim@example.kz", 2))[1];
        Assert.Equal($"invitation-{aigerim.Id}-r1@myalmaty.local", update.MessageId);
        Assert.Equal("Кездесуде өзгеріс бар: Біз өзгертетін аулалар", update.Subject);
        Assert.Contains("2027 жылғы 14 наурыз, 18:30–20:30 → 2027 жылғы 14 наурыз, 19:00–21:00", update.TextBody);
        var (calendar, part, _) = CalendarOf(update);
        Assert.Equal("REQUEST", part.ContentType.Parameters["method"]);
        var moved = Assert.Single(calendar.Events);
        Assert.Equal(("workshop-yards@myalmaty.learn", 1), (moved.Uid, moved.Sequence));
        Assert.Equal(new DateTime(2027, 3, 14, 14, 0, 0, DateTimeKind.Utc), moved.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 14, 16, 0, 0, DateTimeKind.Utc), moved.DtEnd!.AsUtc);
        var russian = (await site.ReceivedAsync("dana@example.kz", 2))[1];
        Assert.Equal($"invitation-{dana.Id}-r1@myalmaty.local", russian.MessageId);
        Assert.Equal("Изменения во встрече: Дворы, которые мы меняем", russian.Subject);

        await site.PublishAsync("yards.kk.md", Kazakh(March14.AddMinutes(30)));
        await Task.Delay(500);

        Assert.Equal(2, (await site.ReceivedAsync("aigerim@example.kz", 3)).Count);
        Assert.Equal([1, 1], await site.QueryAsync(db => Task.FromResult(db.Set<WorkshopInvitation>().OrderBy(i => i.Id).Select(i => i.Revision).ToList())));
    }

    [Fact]
    public async Task A_person_who_answered_no_hears_of_no_new_place_but_of_the_cancellation_which_every_invitation_and_registration_gets_when_no_language_remains()
    {
        await using var site = await StartAsync(March14);
        var (dana, _) = await site.InviteAsync("dana@example.kz", "Дана", "ru");
        var (asel, _) = await site.InviteAsync("asel@example.kz", "Асель", "ru");
        await site.QueryAsync(async db =>
        {
            var no = await db.Set<WorkshopInvitation>().FindAsync(asel.Id);
            no!.Answer = RsvpAnswer.No;
            db.Add(new WorkshopRegistration
            {
                WorkshopKey = "yards", Name = "Ерлан", Email = "erlan@example.kz", NormalizedEmail = "ERLAN@EXAMPLE.KZ", Culture = "kk",
                Status = RegistrationStatus.Registered, CreatedUtc = DateTime.UtcNow, StatusChangedUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        var registrationId = await site.QueryAsync(db => Task.FromResult(db.Set<WorkshopRegistration>().Single().Id));

        // A new venue is news in each language when that language's item, in its own words, brings it.
        await site.PublishAsync("yards.ru.md", Russian(March14, venue: "Алматы, пр. Достык, 5"));
        var russian = await site.ReceivedAsync("dana@example.kz", 2);
        Assert.Contains("Место: Алматы, ул. Абылай хана, 91 → Алматы, пр. Достык, 5", russian[1].TextBody);
        await site.PublishAsync("yards.kk.md", Kazakh(March14, venue: "Алматы, Достық даңғылы, 5"));
        var moved = Assert.Single(await site.ReceivedAsync("erlan@example.kz"));
        Assert.Equal($"registration-{registrationId}-r2@myalmaty.local", moved.MessageId);
        Assert.Contains("Өтетін орны: Алматы, Абылай хан көшесі, 91 → Алматы, Достық даңғылы, 5", moved.TextBody);
        Assert.Equal(2, Assert.Single(CalendarOf(moved).Calendar.Events).Sequence);
        Assert.Equal(2, (await site.ReceivedAsync("dana@example.kz", 3)).Count);
        Assert.Single(await site.ReceivedAsync("asel@example.kz", 2));

        // Taken off the site in Russian, it still takes place in Kazakh; taken off in both, it is cancelled.
        await site.UnpublishAsync(new ContentKey("ru", "Workshop", "yards"));
        await Task.Delay(500);
        Assert.Equal(2, (await site.ReceivedAsync("dana@example.kz", 3)).Count);
        await site.UnpublishAsync(new ContentKey("kk", "Workshop", "yards"));

        var cancelled = (await site.ReceivedAsync("dana@example.kz", 3))[2];
        Assert.Equal($"invitation-{dana.Id}-r2@myalmaty.local", cancelled.MessageId);
        // The Russian item left the site first, so the title is the last one published: the Kazakh one.
        Assert.Equal("Встреча не состоится: Біз өзгертетін аулалар", cancelled.Subject);
        var (calendar, part, text) = CalendarOf(cancelled);
        Assert.Equal(("CANCEL", "CANCEL"), (part.ContentType.Parameters["method"], calendar.Method));
        var gone = Assert.Single(calendar.Events);
        Assert.Equal(("workshop-yards@myalmaty.learn", 2), (gone.Uid, gone.Sequence));
        Assert.Contains("STATUS:CANCELLED", text);
        Assert.Null(LinkInOrNull(cancelled, "/rsvp/"));
        var declined = await site.ReceivedAsync("asel@example.kz", 2);
        Assert.Equal(2, declined.Count);
        Assert.Equal($"invitation-{asel.Id}-r1@myalmaty.local", declined[1].MessageId);
        var registered = await site.ReceivedAsync("erlan@example.kz", 2);
        Assert.Equal($"registration-{registrationId}-r3@myalmaty.local", registered[1].MessageId);
        Assert.Equal("Кездесу болмайды: Біз өзгертетін аулалар", registered[1].Subject);

        await site.PublishAsync("yards.kk.md", Kazakh(March14, venue: "Алматы, Достық даңғылы, 5"));
        await Task.Delay(500);
        Assert.Equal(3, (await site.ReceivedAsync("dana@example.kz", 4)).Count);
    }

    [Fact]
    public async Task A_workshop_whose_state_becomes_cancelled_sends_every_invitee_a_calendar_cancellation_in_their_language()
    {
        await using var site = await StartAsync(March14);
        var (aigerim, _) = await site.InviteAsync("aigerim@example.kz", "Айгерим", "kk");
        await site.ReceivedAsync("aigerim@example.kz");

        await site.PublishAsync("yards.kk.md", Kazakh(March14, state: "cancelled"));

        var cancelled = (await site.ReceivedAsync("aigerim@example.kz", 2))[1];
        Assert.Equal($"invitation-{aigerim.Id}-r1@myalmaty.local", cancelled.MessageId);
        Assert.Equal("Кездесу болмайды: Біз өзгертетін аулалар", cancelled.Subject);
        var (calendar, part, text) = CalendarOf(cancelled);
        Assert.Equal(("CANCEL", "CANCEL"), (part.ContentType.Parameters["method"], calendar.Method));
        var gone = Assert.Single(calendar.Events);
        Assert.Equal(("workshop-yards@myalmaty.learn", 1), (gone.Uid, gone.Sequence));
        Assert.Contains("STATUS:CANCELLED", text);
    }

    private static string? LinkInOrNull(MimeKit.MimeMessage message, string marker) =>
        (message.TextBody ?? "").Split([' ', '\n', '\r']).FirstOrDefault(w => w.StartsWith("http", StringComparison.Ordinal) && w.Contains(marker, StringComparison.Ordinal));
}
