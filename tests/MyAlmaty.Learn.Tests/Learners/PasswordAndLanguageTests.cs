using System.Net;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Learners;

[Collection(SiteCollection.Name)]
public sealed class PasswordAndLanguageTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_emailed_link_and_the_new_one_signs_in()
    {
        var email = AccountFlowTests.NewEmail();
        using var owner = Site.NewClient();
        await Forms.SubmitAsync(owner, "/ru/account/sign-up", "/ru/account/sign-up", ("email", email), ("password", AccountFlowTests.Password));
        await AccountFlowTests.UseLinkAsync(owner, Mailbox.LinkIn((await Mailbox.WaitForAsync(Site.MailFolder, email)).Single()));

        using var later = Site.NewClient();
        await Forms.SubmitAsync(later, "/ru/account/reset", "/ru/account/reset", ("email", email));
        var resetLink = (await Mailbox.WaitForAsync(Site.MailFolder, email, 2)).Select(Mailbox.LinkIn).Single(l => l.Contains("/reset/"));
        var mismatch = await Forms.SubmitAsync(later, resetLink, resetLink, ("password", "новый пароль 1"), ("password_again", "другой пароль"));
        var reset = await Forms.SubmitAsync(later, resetLink, resetLink, ("password", "новый пароль 1"), ("password_again", "новый пароль 1"));
        using var fresh = Site.NewClient();
        var oldPassword = await Forms.SubmitAsync(fresh, "/ru/account/sign-in", "/ru/account/sign-in", ("email", email), ("password", AccountFlowTests.Password));
        var newPassword = await Forms.SubmitAsync(fresh, "/ru/account/sign-in", "/ru/account/sign-in", ("email", email), ("password", "новый пароль 1"));

        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oldPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
    }

    [Fact]
    public async Task Emails_are_written_in_the_language_the_learner_chose()
    {
        var email = AccountFlowTests.NewEmail();
        using var reader = Site.NewClient();
        await Forms.SubmitAsync(reader, "/kk/account/sign-in", "/kk/account/link", ("email", email));
        await AccountFlowTests.UseLinkAsync(reader, Mailbox.LinkIn((await Mailbox.WaitForAsync(Site.MailFolder, email)).Single()));

        await Forms.SubmitAsync(reader, "/ru/account/sign-in", "/ru/account/link", ("email", email));
        var second = (await Mailbox.WaitForAsync(Site.MailFolder, email, 2))[^1];
        await Forms.SubmitAsync(reader, "/ru/account", "/ru/account", ("preferred_culture", "ru"), ("display_name", "Айгерім"));
        await Forms.SubmitAsync(reader, "/kk/account/sign-in", "/kk/account/link", ("email", email));
        var third = (await Mailbox.WaitForAsync(Site.MailFolder, email, 3))[^1];

        var (_, profile) = await Html.GetAsync(reader, "/ru/account");
        Assert.Equal("Айгерім", profile.QuerySelector("input[name=display_name]")!.GetAttribute("value"));
        Assert.Matches("[әғқңөұүһі]", second.Subject + second.TextBody);
        Assert.DoesNotMatch("[әғқңөұүһі]", third.Subject + (third.TextBody ?? "").Replace("Айгерім", ""));
    }
}
