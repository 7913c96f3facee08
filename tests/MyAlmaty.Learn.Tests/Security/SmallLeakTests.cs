using System.Net;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>Small things that each told or carried too much.</summary>
[Collection(SiteCollection.Name)]
public sealed class SmallLeakTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Fact]
    public async Task Instant_results_never_carry_markup_characters_as_they_are()
    {
        using var response = await Site.Client.GetAsync($"/ru/search.json?q={Uri.EscapeDataString("<img src=x onerror=alert(1)> город & 'x'")}");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        Assert.Contains("\\u003Cmark\\u003E", json);
        // Cyrillic stays readable.
        Assert.Contains("город", json);
    }

    [Fact]
    public async Task A_sign_up_does_not_mail_the_name_a_stranger_typed()
    {
        using var stranger = Site.NewClient();
        var email = AccountFlowTests.NewEmail();
        const string name = "<a href=\"http://evil.example/\">Ваш аккаунт заблокирован</a>";

        Assert.Equal(HttpStatusCode.OK, (await AddressStates.SignUpAsync(stranger, email, name)).StatusCode);

        var mail = Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email));
        Assert.DoesNotContain("evil.example", mail.TextBody);
        Assert.DoesNotContain("evil.example", mail.HtmlBody);
        Assert.DoesNotContain("заблокирован", mail.TextBody);
    }
}
