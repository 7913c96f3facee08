using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>Only plain paths on this site are returned to; anything else falls back, and never costs the reader their sign-in link.</summary>
[Collection(SiteCollection.Name)]
public sealed class ReturnPathTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    public static TheoryData<string> Hostile => new()
    {
        "/\t/evil.example", "/\n/evil.example", "/\r\n/evil.example", "/ /evil.example", "/\\evil.example", "//evil.example", "https://evil.example/",
        "/ru/курсы", "/ru/\u202Eevil", "/\u3000/evil.example", "/ru/" + new string('a', 400), "javascript:alert(1)", "",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Anything_but_a_plain_local_path_is_refused(string path) => Assert.Null(ReturnPaths.Local(path));

    [Theory]
    [InlineData("/ru/courses/grassroots/urban-activist")]
    [InlineData("/kk/search?q=%D2%9B%D0%B0%D0%BB%D0%B0&type=glossary")]
    [InlineData("/ru/my#done")]
    public void A_plain_local_path_is_kept(string path) => Assert.Equal(path, ReturnPaths.Local(path));

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_return_path_signs_in_to_the_learners_page_and_uses_the_link_once(string returnPath)
    {
        using var reader = Site.NewClient();
        var email = AccountFlowTests.NewEmail();
        var asked = await Forms.SubmitAsync(reader, "/ru/account/sign-in", "/ru/account/link", ("email", email), ("return_path", returnPath));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var link = Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email)));

        var signedIn = await AccountFlowTests.UseLinkAsync(reader, link);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/ru/my", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_that_cannot_be_read_gets_the_themed_page_and_mails_nothing()
    {
        using var reader = Site.NewClient();
        var email = AccountFlowTests.NewEmail();

        var asked = await Forms.SubmitAsync(reader, "/kk/account/sign-in", "/kk/account/link", ("email", email), ("return_path", "/kk/\u0000x"));

        Assert.Equal(HttpStatusCode.BadRequest, asked.StatusCode);
        Assert.Equal("kk", Html.Parse(await asked.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));
        await Task.Delay(300);
        Assert.Empty(Mailbox.Read(Site.MailFolder, email));
    }

    [Fact]
    public async Task A_link_stored_with_a_hostile_return_path_still_signs_in_and_does_not_follow_it()
    {
        using var reader = Site.NewClient();
        var email = AccountFlowTests.NewEmail();
        await AddressStates.RequestLinkAsync(reader, email);
        var link = Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, email)));
        // As an older version of the site stored them: a tab that browsers drop, and a letter that no header may carry.
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<OneTimeLink>().Where(l => l.Email == email)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.ReturnPath, "/\t/evil.example/ж"));
        }

        var signedIn = await AccountFlowTests.UseLinkAsync(reader, link);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/ru/my", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/ru/account")).StatusCode);
    }

    [Theory]
    [InlineData("/kk/%09/evil.example")]
    [InlineData("/kk/%E2%80%AEevil")]
    [InlineData("//evil.example")]
    public async Task The_alphabet_switch_goes_back_only_to_plain_kazakh_pages(string encodedReturn)
    {
        using var response = await Site.Client.GetAsync($"/kk/script/latn?return={encodedReturn}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/kk/", response.Headers.Location!.OriginalString);
    }
}
