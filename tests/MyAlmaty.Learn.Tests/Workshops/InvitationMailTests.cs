using System.Text;
using Ical.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Workshops.Invitations;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopMailSite;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>A workshop invitation arrives as a calendar invitation that mail programs show with Yes / No / Maybe.</summary>
public sealed class InvitationMailTests
{
    private static readonly DateTime March14 = new(2027, 3, 14, 18, 30, 0);

    [Fact]
    public async Task An_invitation_arrives_as_an_iMIP_request_with_text_html_calendar_and_an_ics_file_in_the_invitees_language()
    {
        await using var site = await StartAsync(March14);
        var (invitation, _) = await site.InviteAsync("aigerim@example.kz", "Айгерим Сейткали", "kk");

        var message = Assert.Single(await site.ReceivedAsync("aigerim@example.kz"));

        Assert.Equal($"invitation-{invitation.Id}-r0@myalmaty.local", message.MessageId);
        Assert.Equal("Кездесуге шақыру: Біз өзгертетін аулалар", message.Subject);
        Assert.Equal("kk", message.Body!.Headers[HeaderId.ContentLanguage]);
        var mixed = Assert.IsType<Multipart>(message.Body, exactMatch: false);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html", "text/calendar"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("REQUEST", alternative[2].ContentType.Parameters["method"]);
        Assert.Equal("utf-8", alternative[2].ContentType.Charset, ignoreCase: true);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments), exactMatch: false);
        Assert.Equal(("invite.ics", "application/ics"), (attachment.FileName, attachment.ContentType.MimeType));
        using (var bytes = new MemoryStream())
        {
            attachment.Content!.DecodeTo(bytes);
            Assert.Equal(CalendarOf(message).Text, Encoding.UTF8.GetString(bytes.ToArray()));
        }

        var unsubscribe = message.Headers["List-Unsubscribe"]!;
        Assert.Matches(@"^<http://127\.0\.0\.1:\d+/workshops/unsubscribe/[A-Za-z0-9_\-]+\?lang=kk>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe.Trim('<', '>'), message.TextBody);
        Assert.Contains(unsubscribe.Trim('<', '>'), message.HtmlBody);

        Assert.Contains("Сәлеметсіз бе, Айгерим Сейткали!", message.TextBody);
        Assert.Contains("2027 жылғы 14 наурыз, 18:30–20:30", message.TextBody);
        Assert.Contains("Алматы, Абылай хан көшесі, 91", message.TextBody);
        foreach (var (label, answer) in new[] { ("Иә, келемін", "yes"), ("Жоқ, келе алмаймын", "no"), ("Мүмкін", "maybe") })
        {
            Assert.Matches($@">{label}</a>", message.HtmlBody);
            Assert.Matches($@"{label}: http://127\.0\.0\.1:\d+/kk/workshops/rsvp/[A-Za-z0-9_\-]+\?answer={answer}", message.TextBody);
        }
        Assert.DoesNotContain("aigerim@example.kz", LinkIn(message, "/rsvp/"));
    }

    [Fact]
    public async Task The_calendar_names_the_workshop_its_organizer_and_the_invitee_at_the_Almaty_times_in_UTC()
    {
        await using var site = await StartAsync(March14);
        await site.InviteAsync("dana@example.kz", "Дана Омарова", "ru");

        var message = Assert.Single(await site.ReceivedAsync("dana@example.kz"));
        var (calendar, _, text) = CalendarOf(message);

        Assert.Equal("REQUEST", calendar.Method);
        var invite = Assert.Single(calendar.Events);
        Assert.Equal("workshop-yards@myalmaty.learn", invite.Uid);
        Assert.Equal(0, invite.Sequence);
        Assert.Equal("Дворы, которые мы меняем", invite.Summary);
        Assert.Equal("Алматы, ул. Абылай хана, 91", invite.Location);
        Assert.Equal(new DateTime(2027, 3, 14, 13, 30, 0, DateTimeKind.Utc), invite.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2027, 3, 14, 15, 30, 0, DateTimeKind.Utc), invite.DtEnd!.AsUtc);
        Assert.Contains("DTSTART:20270314T133000Z", text);
        Assert.DoesNotContain("VTIMEZONE", text);
        Assert.NotNull(invite.DtStamp);
        Assert.Matches(@"/ru/workshops/yards$", invite.Description!.Split('\n')[^1]);
        Assert.Equal("mailto:noreply@myalmaty.local", invite.Organizer!.Value!.ToString());
        Assert.Equal("МыАлматы", invite.Organizer.CommonName);
        var attendee = Assert.Single(invite.Attendees);
        Assert.Equal("mailto:dana@example.kz", attendee.Value!.ToString());
        Assert.Equal("Дана Омарова", attendee.CommonName);
        Assert.True(attendee.Rsvp);
        Assert.Equal("NEEDS-ACTION", attendee.ParticipationStatus);
        Assert.Equal("Приглашение на встречу: Дворы, которые мы меняем", message.Subject);
        Assert.Equal("ru", message.Body!.Headers[HeaderId.ContentLanguage]);
    }

    [Fact]
    public async Task A_reader_of_Kazakh_in_Latin_letters_gets_the_invitation_and_its_calendar_in_Latin()
    {
        await using var site = await StartAsync(March14);
        await site.InviteAsync("erlan@example.kz", "Ерлан", "kk", latin: true);

        var message = Assert.Single(await site.ReceivedAsync("erlan@example.kz"));

        Assert.Equal("Kezdesuge şaqyru: Bız özgertetın aulalar", message.Subject);
        Assert.Contains(KazakhLatin.ToLatin("Иә, келемін"), message.TextBody);
        Assert.DoesNotContain("Кездесу", message.HtmlBody);
        Assert.Equal(KazakhLatin.ToLatin("Алматы, Абылай хан көшесі, 91"), Assert.Single(CalendarOf(message).Calendar.Events).Location);
    }

    [Fact]
    public async Task A_line_break_in_a_name_cannot_add_a_header_or_a_calendar_line()
    {
        await using var site = await StartAsync(March14);
        await site.InviteAsync("mallory@example.kz", "Mallory\r\nBcc: victim@example.kz\r\nX-Evil: 1", "ru");

        Assert.Single(await site.ReceivedAsync("mallory@example.kz"));
        var received = Assert.Single(site.Smtp.Received);
        Assert.Equal(["mallory@example.kz"], received.Recipients);
        Assert.Null(received.Message.Headers["X-Evil"]);
        Assert.Empty(received.Message.Bcc);
        Assert.Equal("Mallory Bcc: victim@example.kz X-Evil: 1", received.Message.To.Mailboxes.Single().Name);
        var (calendar, _, text) = CalendarOf(received.Message);
        Assert.DoesNotContain("\nX-Evil", text);
        Assert.Equal("Mallory Bcc: victim@example.kz X-Evil: 1", Assert.Single(Assert.Single(calendar.Events).Attendees).CommonName);
    }

    [Fact]
    public async Task The_preview_is_the_invitation_a_person_would_get_and_queues_nothing()
    {
        await using var site = await StartAsync(March14);

        var preview = await site.Site.Services.GetRequiredService<InvitationMail>().PreviewAsync("yards", "ru", latin: false, "Асель");

        Assert.Equal("Приглашение на встречу: Дворы, которые мы меняем", preview.Subject);
        Assert.Contains("Здравствуйте, Асель!", preview.Text);
        Assert.Contains(preview.Parts, p => p.ContentType.StartsWith("text/calendar; method=REQUEST", StringComparison.Ordinal));
        Assert.Equal(0, await site.QueryAsync(db => Task.FromResult(db.Set<MyAlmaty.Learn.Mail.OutboxMessage>().Count())));
    }

    [Fact]
    public async Task An_invitation_that_was_not_saved_is_refused_because_its_id_names_the_message()
    {
        await using var site = await StartAsync(March14);
        var unsaved = new WorkshopInvitation { WorkshopKey = "yards", Email = "a@example.kz", NormalizedEmail = "A@EXAMPLE.KZ", Culture = "ru" };

        var error = await site.QueryAsync(db => Assert.ThrowsAsync<InvalidOperationException>(() => site.Site.Services.GetRequiredService<InvitationMail>().QueueAsync(db, unsaved)));

        Assert.Contains("Save the invitation first", error.Message);
    }
}
