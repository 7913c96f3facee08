using System.Net;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>Signing out ends the session on the server; over HTTPS every cookie is Secure and browsers are told to stay on HTTPS.</summary>
[Collection(SiteCollection.Name)]
public sealed class SessionTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task A_copy_of_the_sign_in_cookie_stops_working_at_sign_out()
    {
        var email = await AddressStates.MakeAsync(Site, "registered");
        var jar = new CookieContainer();
        using var owner = Site.NewClient(jar);
        Assert.Equal(HttpStatusCode.Redirect, (await AddressStates.SignInAsync(owner, email, AddressStates.Password)).StatusCode);
        var copied = new CookieContainer();
        copied.Add(Site.Address, new Cookie("ma_auth", jar.GetCookies(Site.Address)["ma_auth"]!.Value));
        using var thief = Site.NewClient(copied);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/ru/account")).StatusCode);

        var (_, page) = await Html.GetAsync(owner, "/ru/account");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.PostAsync(owner, page, "/ru/account/sign-out")).StatusCode);

        using var after = await thief.GetAsync("/ru/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/ru/account/sign-in", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_new_password_signs_the_other_browsers_out()
    {
        var email = await AddressStates.MakeAsync(Site, "registered");
        using var laptop = Site.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AddressStates.SignInAsync(laptop, email, AddressStates.Password)).StatusCode);
        var before = Mailbox.Read(Site.MailFolder, email).Count;

        using var phone = Site.NewClient();
        await AddressStates.RequestResetAsync(phone, email);
        var link = Mailbox.LinkIn((await Mailbox.WaitForAsync(Site.MailFolder, email, before + 1)).Last());
        var reset = await Forms.SubmitAsync(phone, link, link, ("password", "a brand new passphrase"), ("password_again", "a brand new passphrase"));

        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync("/ru/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await laptop.GetAsync("/ru/account")).StatusCode);
    }

    [Fact]
    public async Task Personal_answers_are_not_kept_by_any_cache()
    {
        var email = await AddressStates.MakeAsync(Site, "registered");
        using var owner = Site.NewClient();
        await AddressStates.SignInAsync(owner, email, AddressStates.Password);

        using var export = await owner.GetAsync("/ru/account/export");
        using var account = await owner.GetAsync("/ru/account");

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.True(export.Headers.CacheControl!.NoStore);
        Assert.True(account.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public async Task Over_https_every_cookie_is_secure_and_browsers_are_told_to_stay_on_https()
    {
        using var certificate = new TempFolder();
        await using var site = await TestSite.StartAsync(extraArgs: TestCertificates.HttpsArguments(certificate));
        using var reader = site.NewClient();
        Assert.Equal("https", site.Address.Scheme);

        using var form = await reader.GetAsync("/ru/account/sign-in");
        using var done = await reader.PostAsync("/ru/courses/grassroots/urban-activist/done", new FormUrlEncodedContent([]));

        Assert.Equal("max-age=31536000", form.Headers.GetValues("Strict-Transport-Security").Single());
        var cookies = form.Headers.GetValues("Set-Cookie").Concat(done.Headers.GetValues("Set-Cookie")).ToList();
        Assert.Contains(cookies, c => c.StartsWith("ma_af=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith("ma_learner=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_strict_transport_header()
    {
        using var page = await Site.Client.GetAsync("/ru/");
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }
}
