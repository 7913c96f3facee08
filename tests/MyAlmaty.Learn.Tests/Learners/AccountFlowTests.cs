using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Courses.Progress;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Learners;

[Collection(SiteCollection.Name)]
public sealed class AccountFlowTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task Lessons_read_before_signing_in_by_link_are_still_done_afterwards()
    {
        using var reader = Site.NewClient();
        var email = NewEmail();
        await MarkDoneAsync(reader, "/ru/courses/grassroots/urban-activist");
        await MarkDoneAsync(reader, "/ru/courses/grassroots/informal-communities");

        var requested = await Forms.SubmitAsync(reader, "/ru/account/sign-in", "/ru/account/link", ("email", email));
        Assert.Equal(HttpStatusCode.OK, requested.StatusCode);
        var mail = Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email));
        var signedIn = await UseLinkAsync(reader, Mailbox.LinkIn(mail));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var userId = await UserIdAsync(email);
        await using var scope = Site.Services.CreateAsyncScope();
        var done = await scope.ServiceProvider.GetRequiredService<LearnerProgress>().CompletedAsync(userId);
        Assert.Equal(["informal-communities", "urban-activist"], done.Order());
        var (_, dashboard) = await Html.GetAsync(reader, "/ru/my");
        // Two of six lessons and the final quiz.
        Assert.Contains("28", dashboard.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task Signing_in_from_a_lesson_returns_to_that_lesson()
    {
        using var reader = Site.NewClient();
        var email = NewEmail();
        const string lesson = "/kk/courses/smart-city/smart-city-concept";
        await Forms.SubmitAsync(reader, $"/kk/account/sign-in?returnPath={Uri.EscapeDataString(lesson)}", "/kk/account/link", ("email", email));

        var signedIn = await UseLinkAsync(reader, Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email))));

        Assert.Equal(lesson, signedIn.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task A_return_path_never_leads_off_the_site(string returnPath)
    {
        using var reader = Site.NewClient();
        var email = NewEmail();
        await Forms.SubmitAsync(reader, $"/ru/account/sign-in?returnPath={Uri.EscapeDataString(returnPath)}", "/ru/account/link", ("email", email), ("return_path", returnPath));

        var signedIn = await UseLinkAsync(reader, Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email))));

        Assert.Equal("/ru/my", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_link_works_once()
    {
        using var reader = Site.NewClient();
        var email = NewEmail();
        await Forms.SubmitAsync(reader, "/ru/account/sign-in", "/ru/account/link", ("email", email));
        var link = Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email)));

        var first = await UseLinkAsync(reader, link);
        using var stranger = Site.NewClient();
        var second = await UseLinkAsync(stranger, link);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/ru/account")).StatusCode);
    }

    [Fact]
    public async Task An_expired_link_signs_nobody_in()
    {
        using var reader = Site.NewClient();
        var email = NewEmail();
        await Forms.SubmitAsync(reader, "/ru/account/sign-in", "/ru/account/link", ("email", email));
        var link = Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email)));
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<OneTimeLink>()
                .Where(l => l.Email == email).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1)));
        }

        var (_, page) = await Html.GetAsync(reader, link);
        var response = await UseLinkAsync(reader, link);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(page.QuerySelector($"form[action='{link.Split('?')[0]}']"));
    }

    [Fact]
    public async Task Signing_up_with_a_taken_address_answers_exactly_like_a_new_one()
    {
        var taken = NewEmail();
        using (var first = Site.NewClient()) await SignUpAsync(first, taken);
        var fresh = NewEmail();

        using var a = Site.NewClient();
        using var b = Site.NewClient();
        var again = await SignUpAsync(a, taken);
        var newcomer = await SignUpAsync(b, fresh);

        Assert.Equal(newcomer.StatusCode, again.StatusCode);
        Assert.Equal(Visible(await newcomer.Content.ReadAsStringAsync(), fresh), Visible(await again.Content.ReadAsStringAsync(), taken));
        var mails = await Mailbox.WaitForAsync(Site.MailFolder, taken, 2);
        Assert.Equal(2, mails.Count);
        Assert.NotEqual(mails[0].Subject, mails[1].Subject);
    }

    [Fact]
    public async Task A_password_reset_request_answers_the_same_for_unknown_addresses()
    {
        var known = NewEmail();
        using (var first = Site.NewClient()) await SignUpAsync(first, known);
        var unknown = NewEmail();

        using var client = Site.NewClient();
        var forKnown = await Forms.SubmitAsync(client, "/ru/account/reset", "/ru/account/reset", ("email", known));
        var forUnknown = await Forms.SubmitAsync(client, "/ru/account/reset", "/ru/account/reset", ("email", unknown));

        Assert.Equal(Visible(await forKnown.Content.ReadAsStringAsync(), known), Visible(await forUnknown.Content.ReadAsStringAsync(), unknown));
        // The owner of an address without an account learns that by email, with a way in.
        var told = Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, unknown));
        Assert.Contains("аккаунта с таким адресом нет", told.TextBody);
        Assert.Contains("/ru/account/link/", Mailbox.LinkIn(told));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_an_account_and_an_unknown_address_alike()
    {
        var email = NewEmail();
        using var owner = Site.NewClient();
        await SignUpAsync(owner, email);
        await UseLinkAsync(owner, Mailbox.LinkIn((await Mailbox.WaitForAsync(Site.MailFolder, email)).Single()));
        var unknown = NewEmail();

        using var attacker = Site.NewClient();
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync(attacker, email, "wrong password " + i);
            await SignInAsync(attacker, unknown, "wrong password " + i);
        }
        var real = await SignInAsync(attacker, email, Password);
        var fake = await SignInAsync(attacker, unknown, Password);

        Assert.Equal(HttpStatusCode.BadRequest, real.StatusCode);
        Assert.Equal(Visible(await real.Content.ReadAsStringAsync(), email), Visible(await fake.Content.ReadAsStringAsync(), unknown));
        Assert.Contains("15", Html.Parse(await real.Content.ReadAsStringAsync()).QuerySelector("[role=alert]")!.TextContent);
    }

    [Fact]
    public async Task A_learner_can_download_all_their_data_and_delete_the_account()
    {
        var email = NewEmail();
        using var reader = Site.NewClient();
        // Passed before signing in: the attempt and the lesson it completes move into the account.
        await QuizTaker.PassAsync(reader, Site.Services, "kk", "digital-services");
        await Forms.SubmitAsync(reader, "/kk/account/sign-in", "/kk/account/link", ("email", email));
        await UseLinkAsync(reader, Mailbox.LinkIn((await Mailbox.WaitForAsync(Site.MailFolder, email)).Single()));
        var userId = await UserIdAsync(email);

        var export = await reader.GetStringAsync("/kk/account/export");
        var deleted = await Forms.SubmitAsync(reader, "/kk/account", "/kk/account/delete", ("confirm", "on"));

        Assert.Contains(email, export);
        Assert.Contains("\"lesson\": \"digital-services\"", export);
        Assert.Contains("\"quiz\": \"digital-services\"", export);
        Assert.Contains("\"passed\": true", export);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        var (_, home) = await Html.GetAsync(reader, deleted.Headers.Location!.OriginalString);
        Assert.NotNull(home.QuerySelector("[data-notice='deleted']"));
        await using var scope = Site.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>().FindByEmailAsync(email));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<LearnerProgress>().CompletedAsync(userId));
        Assert.Empty(await scope.ServiceProvider.GetRequiredService<MyAlmaty.Learn.Quizzes.QuizAttempts>().AllAsync(userId));
    }

    [Fact]
    public async Task Deleting_needs_the_confirmation_box()
    {
        var email = NewEmail();
        using var reader = Site.NewClient();
        await Forms.SubmitAsync(reader, "/ru/account/sign-in", "/ru/account/link", ("email", email));
        await UseLinkAsync(reader, Mailbox.LinkIn((await Mailbox.WaitForAsync(Site.MailFolder, email)).Single()));

        var refused = await Forms.SubmitAsync(reader, "/ru/account", "/ru/account/delete");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await using var scope = Site.Services.CreateAsyncScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>().FindByEmailAsync(email));
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_field_is_refused()
    {
        using var reader = Site.NewClient();
        await reader.GetAsync("/ru/account/sign-in");

        var response = await reader.PostAsync("/ru/account/link", new FormUrlEncodedContent([new("email", NewEmail())]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    internal const string Password = "яблоки Алматы 2026";

    internal static string NewEmail() => $"reader-{Guid.NewGuid():N}@example.org";

    internal static async Task MarkDoneAsync(HttpClient client, string lessonPath) =>
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(client, lessonPath, lessonPath + "/done")).StatusCode);

    internal static async Task<HttpResponseMessage> UseLinkAsync(HttpClient client, string link)
    {
        var (_, page) = await Html.GetAsync(client, link);
        var action = link.Split('?')[0];
        return page.QuerySelector($"form[action='{action}']") is null
            ? await client.PostAsync(action, new FormUrlEncodedContent([]))
            : await Forms.PostAsync(client, page, action);
    }

    private static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email) =>
        Forms.SubmitAsync(client, "/ru/account/sign-up", "/ru/account/sign-up", ("email", email), ("password", Password), ("name", "Айгерім"));

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        Forms.SubmitAsync(client, "/ru/account/sign-in", "/ru/account/sign-in", ("email", email), ("password", password));

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>().FindByEmailAsync(email))!.Id;
    }

    /// <summary>What a person sees, with the address they typed and the per-request token taken out.</summary>
    private static string Visible(string html, string email)
    {
        var page = Html.Parse(html.Replace(email, "EMAIL"));
        foreach (var hidden in page.QuerySelectorAll("input[type=hidden]")) hidden.Remove();
        return page.QuerySelector("main")!.TextContent;
    }
}
