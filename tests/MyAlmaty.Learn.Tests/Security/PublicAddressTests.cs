using System.Net;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>Links in emails and on pages come from the configured public address, never from the request's Host header.</summary>
public sealed class PublicAddressTests : IAsyncLifetime
{
    private const string PublicUrl = "https://learn.example.kz";
    private TestSite _site = null!;

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(extraArgs: ["--Site:AccountRequestsPerMinute=100000", $"--Site:PublicUrl={PublicUrl}"]);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/ru/account/reset", "/ru/account/reset")]
    [InlineData("/ru/account/sign-in", "/ru/account/link")]
    public async Task A_request_naming_another_host_is_refused_and_mails_nothing(string form, string action)
    {
        var victim = await AddressStates.MakeAsync(_site, "registered");
        var before = Mailbox.Read(_site.MailFolder, victim).Count;
        using var attacker = _site.NewClient();
        var (_, page) = await Html.GetAsync(attacker, form);
        var token = page.QuerySelector("input[name=__af]")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new FormUrlEncodedContent([new("email", victim), new("__af", token)]),
        };
        request.Headers.Host = "evil.example";

        using var response = await attacker.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        await Task.Delay(500);
        Assert.Equal(before, Mailbox.Read(_site.MailFolder, victim).Count);
    }

    [Fact]
    public async Task Emailed_links_and_page_addresses_use_the_public_address_whatever_host_the_request_named()
    {
        var email = AccountFlowTests.NewEmail();
        using var reader = _site.NewClient();
        // «localhost» is allowed (a local run), yet links are still built from the public address.
        reader.DefaultRequestHeaders.Host = $"localhost:{_site.Address.Port}";
        await AddressStates.RequestResetAsync(reader, await AddressStates.MakeAsync(_site, "registered"));
        Assert.Equal(HttpStatusCode.OK, (await AddressStates.RequestLinkAsync(reader, email)).StatusCode);

        var mail = Assert.Single(await Mailbox.WaitForAsync(_site.MailFolder, email));
        Assert.StartsWith(PublicUrl + "/ru/account/link/", Assert.Single(LinksIn(mail.TextBody ?? "")));
        var (_, lesson) = await Html.GetAsync(reader, "/ru/courses/grassroots/urban-activist");
        Assert.All(lesson.QuerySelectorAll("link[rel=alternate]"), l => Assert.StartsWith(PublicUrl + "/", l.GetAttribute("href")));
    }

    private static IEnumerable<string> LinksIn(string text) =>
        text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.StartsWith("http", StringComparison.Ordinal));
}
