using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Invitations;
using MyAlmaty.Learn.Workshops.Registrations;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopMailSite;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>Answering an invitation from its email, and stopping workshop emails, without an account.</summary>
public sealed class RsvpTests
{
    // A workshop in three weeks, at 18:30 Almaty time: its RSVP links are valid until then.
    private static DateTime Soon => DateTime.UtcNow.AddHours(5).Date.AddDays(21).AddHours(18).AddMinutes(30);

    [Fact]
    public async Task Opening_the_yes_button_shows_the_answer_preselected_and_records_only_the_opening_until_the_person_confirms()
    {
        await using var site = await StartAsync(Soon);
        var (invitation, _) = await site.InviteAsync("dana@example.kz", "Дана", "ru");
        var email = Assert.Single(await site.ReceivedAsync("dana@example.kz"));
        var yes = LinkIn(email, "answer=yes");
        using var visitor = site.Site.NewClient();

        var (opened, page) = await Html.GetAsync(visitor, yes);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("Ваш ответ на приглашение", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Дворы, которые мы меняем", page.QuerySelector(".facts")!.TextContent);
        Assert.Equal("yes", page.QuerySelector("input[name=answer][checked]")!.GetAttribute("value"));
        var seen = await site.QueryAsync(db => db.Set<WorkshopInvitation>().AsNoTracking().SingleAsync(i => i.Id == invitation.Id));
        Assert.NotNull(seen.OpenedUtc);
        Assert.Equal((RsvpAnswer.None, (DateTime?)null), (seen.Answer, seen.AnsweredUtc));

        var action = new Uri(yes, UriKind.Relative).ToString().Split('?')[0];
        using var confirmed = await Forms.PostAsync(visitor, page, action, ("answer", "yes"));

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var answered = await site.QueryAsync(db => db.Set<WorkshopInvitation>().AsNoTracking().SingleAsync(i => i.Id == invitation.Id));
        Assert.Equal(RsvpAnswer.Yes, answered.Answer);
        Assert.NotNull(answered.AnsweredUtc);
        Assert.Contains("Записали: вы придёте.", await confirmed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_yes_takes_a_place_and_sends_the_ticket_and_a_no_afterwards_gives_the_place_back()
    {
        await using var site = await StartAsync(Soon);
        var (invitation, _) = await site.InviteAsync("dana@example.kz", "Дана", "ru");
        var yes = LinkIn(Assert.Single(await site.ReceivedAsync("dana@example.kz")), "answer=yes");
        using var visitor = site.Site.NewClient();
        var action = new Uri(yes, UriKind.Relative).ToString().Split('?')[0];

        var (_, page) = await Html.GetAsync(visitor, yes);
        using (var answered = await Forms.PostAsync(visitor, page, action, ("answer", "yes"))) Assert.Equal(HttpStatusCode.OK, answered.StatusCode);

        var place = await site.QueryAsync(db => db.Set<WorkshopRegistration>().AsNoTracking().SingleAsync());
        Assert.Equal(("Дана", RegistrationStatus.Registered, (long?)invitation.Id, "ru"), (place.Name, place.Status, place.InvitationId, place.Culture));
        var ticket = (await site.ReceivedAsync("dana@example.kz", 2))[1];
        Assert.Contains("/ru/workshops/ticket/", ticket.TextBody);

        var (_, again) = await Html.GetAsync(visitor, yes.Replace("answer=yes", "answer=no"));
        using (var declined = await Forms.PostAsync(visitor, again, action, ("answer", "no"))) Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        Assert.Equal(RegistrationStatus.Cancelled, await site.QueryAsync(db => db.Set<WorkshopRegistration>().Select(r => r.Status).SingleAsync()));
        Assert.Equal(RsvpAnswer.No, await site.QueryAsync(db => db.Set<WorkshopInvitation>().Where(i => i.Id == invitation.Id).Select(i => i.Answer).SingleAsync()));
    }

    [Fact]
    public async Task An_answer_posted_without_the_pages_antiforgery_token_is_refused_and_changes_nothing()
    {
        await using var site = await StartAsync(Soon);
        var (invitation, _) = await site.InviteAsync("dana@example.kz", "Дана", "ru");
        var path = LinkIn(Assert.Single(await site.ReceivedAsync("dana@example.kz")), "answer=no").Split('?')[0];

        using var response = await site.Site.NewClient().PostAsync(path, new FormUrlEncodedContent([new("answer", "no")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(RsvpAnswer.None, await site.QueryAsync(db => db.Set<WorkshopInvitation>().Where(i => i.Id == invitation.Id).Select(i => i.Answer).SingleAsync()));
    }

    [Fact]
    public async Task An_expired_link_says_the_workshop_has_started_and_a_forged_one_that_it_does_not_work_in_the_readers_language()
    {
        await using var site = await StartAsync(Soon);
        var invitation = await site.SaveInvitationAsync("aigerim@example.kz", "Айгерим", "kk");
        var tokens = site.Site.Services.GetRequiredService<WorkshopTokens>();
        var expired = tokens.Create(WorkshopLink.Rsvp, invitation.Id, DateTime.UtcNow.AddMinutes(-1));
        var ticket = tokens.Create(WorkshopLink.Ticket, invitation.Id, null);
        using var visitor = site.Site.NewClient();

        var (late, latePage) = await Html.GetAsync(visitor, $"/kk/workshops/rsvp/{expired}?answer=yes");
        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal("Кездесу басталып кетті", latePage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(latePage.QuerySelector("form[method=post]"));

        foreach (var forged in new[] { ticket, expired[..^4] + "AAAA", "not-a-token", new string('A', 3000) })
        {
            var (refused, page) = await Html.GetAsync(visitor, $"/ru/workshops/rsvp/{forged}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("Ссылка не работает", page.QuerySelector("h1")!.TextContent.Trim());
            using var posted = await visitor.PostAsync($"/ru/workshops/rsvp/{forged}", new FormUrlEncodedContent([new("answer", "yes")]));
            Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{posted.StatusCode} for {forged[..Math.Min(20, forged.Length)]}");
        }
        var untouched = await site.QueryAsync(db => db.Set<WorkshopInvitation>().AsNoTracking().SingleAsync(i => i.Id == invitation.Id));
        Assert.Equal((null, RsvpAnswer.None), (untouched.OpenedUtc, untouched.Answer));
    }

    [Fact]
    public async Task A_one_click_unsubscribe_from_a_mail_program_needs_no_cookies_is_not_redirected_and_stops_the_next_invitation()
    {
        await using var site = await StartAsync(Soon);
        await site.InviteAsync("erlan@example.kz", "Ерлан", "kk");
        var header = Assert.Single(await site.ReceivedAsync("erlan@example.kz")).Headers["List-Unsubscribe"]!.Trim('<', '>');
        using var mailProgram = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, header)
        {
            Content = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]),
        };
        request.Headers.Add("Origin", "https://mail.example.com");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        using var response = await mailProgram.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Location);
        // Invited again later (a new invitation; the first is gone): the address, in any case, is not mailed.
        await site.QueryAsync(db => db.Set<WorkshopInvitation>().ExecuteDeleteAsync());
        var (_, queued) = await site.InviteAsync("Erlan@Example.kz", "Ерлан", "kk");
        Assert.Null(queued);
        await Task.Delay(500);
        Assert.Single(await site.ReceivedAsync("erlan@example.kz"));
    }

    [Fact]
    public async Task The_unsubscribe_page_asks_first_and_its_button_unsubscribes_in_the_emails_language()
    {
        await using var site = await StartAsync(Soon);
        await site.InviteAsync("asel@example.kz", null, "ru");
        var link = LinkIn(Assert.Single(await site.ReceivedAsync("asel@example.kz")), "/unsubscribe/");
        using var visitor = site.Site.NewClient();

        var (shown, page) = await Html.GetAsync(visitor, link);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("Отписаться от писем о встречах", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(0, await site.QueryAsync(db => db.Set<MyAlmaty.Learn.Mail.MailSuppression>().CountAsync()));

        using var done = await Forms.PostAsync(visitor, page, link);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Вы отписались", await done.Content.ReadAsStringAsync());
        Assert.Equal(MyAlmaty.Learn.Mail.SuppressionReason.Unsubscribed, await site.QueryAsync(db => db.Set<MyAlmaty.Learn.Mail.MailSuppression>().Select(s => s.Reason).SingleAsync()));

        var (_, broken) = await Html.GetAsync(visitor, "/workshops/unsubscribe/forged?lang=kk");
        Assert.Equal("Сілтеме жұмыс істемейді", broken.QuerySelector("h1")!.TextContent.Trim());
    }
}
