using System.Net;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>
/// Nobody can tell from the site's answers whether an address is registered: for every kind of
/// address, each account form answers with the same status, page, headers and cookies, and queues
/// the same number of emails. Only the owner of the address learns the difference, from the email.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class EnumerationTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    public static TheoryData<string> KnownStates => new() { "registered", "unconfirmed", "password-less" };

    [Theory]
    [MemberData(nameof(KnownStates))]
    public async Task A_wrong_password_gets_the_same_answer_and_no_email_as_for_an_unknown_address(string state)
    {
        var known = await AddressStates.MakeAsync(Site, state);
        var unknown = await AddressStates.MakeAsync(Site, "unknown");
        var mailsBefore = Mailbox.Read(Site.MailFolder, known).Count;

        var a = await Answer.OfAsync(Site, known, c => AddressStates.SignInAsync(c, known, "not the password"));
        var b = await Answer.OfAsync(Site, unknown, c => AddressStates.SignInAsync(c, unknown, "not the password"));

        Assert.Equal(HttpStatusCode.BadRequest, a.Status);
        Assert.Equal(b, a);
        await Task.Delay(300);
        Assert.Equal(mailsBefore, Mailbox.Read(Site.MailFolder, known).Count);
        Assert.Empty(Mailbox.Read(Site.MailFolder, unknown));
    }

    [Fact]
    public async Task A_locked_account_answers_exactly_like_a_locked_unknown_address()
    {
        var locked = await AddressStates.MakeAsync(Site, "locked");
        var unknown = await AddressStates.MakeAsync(Site, "unknown");
        await AddressStates.LockAsync(Site, unknown);

        var a = await Answer.OfAsync(Site, locked, c => AddressStates.SignInAsync(c, locked, AddressStates.Password));
        var b = await Answer.OfAsync(Site, unknown, c => AddressStates.SignInAsync(c, unknown, AddressStates.Password));

        Assert.Equal(b, a);
        Assert.Contains("15", a.Page);
    }

    public static TheoryData<string, string> RequestsByState()
    {
        var data = new TheoryData<string, string>();
        foreach (var request in new[] { "sign-up", "link", "reset" })
        {
            foreach (var state in AddressStates.All.Skip(1)) data.Add(request, state);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RequestsByState))]
    public async Task Sign_up_link_and_reset_answer_the_same_for_every_kind_of_address_and_each_mails_once(string request, string state)
    {
        var known = await AddressStates.MakeAsync(Site, state);
        var unknown = await AddressStates.MakeAsync(Site, "unknown");
        var before = Mailbox.Read(Site.MailFolder, known).Count;
        Func<HttpClient, string, Task<HttpResponseMessage>> send = request switch
        {
            "sign-up" => (c, e) => AddressStates.SignUpAsync(c, e),
            "link" => AddressStates.RequestLinkAsync,
            _ => AddressStates.RequestResetAsync,
        };

        var a = await Answer.OfAsync(Site, known, c => send(c, known));
        var b = await Answer.OfAsync(Site, unknown, c => send(c, unknown));

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal(b, a);
        Assert.Equal(before + 1, (await Mailbox.WaitForAsync(Site.MailFolder, known, before + 1)).Count);
        Assert.Single(await Mailbox.WaitForAsync(Site.MailFolder, unknown));
    }

    /// <summary>What a sender sees of an answer: status, the page without its one-time token, headers but the date, the names of the cookies set.</summary>
    private sealed record Answer(HttpStatusCode Status, string Page, string Headers, string Cookies)
    {
        public static async Task<Answer> OfAsync(TestSite site, string email, Func<HttpClient, Task<HttpResponseMessage>> send)
        {
            using var client = site.NewClient();
            using var response = await send(client);
            var page = Html.Parse((await response.Content.ReadAsStringAsync()).Replace(email, "EMAIL"));
            foreach (var hidden in page.QuerySelectorAll("input[type=hidden]")) hidden.Remove();
            var headers = response.Headers.Concat(response.Content.Headers)
                .Where(h => h.Key is not ("Date" or "Set-Cookie"))
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => $"{h.Key}: {string.Join(",", h.Value)}");
            IEnumerable<string> cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split("=")[0]).Order(StringComparer.Ordinal) : [];
            return new Answer(response.StatusCode, page.DocumentElement.OuterHtml, string.Join("\n", headers), string.Join(",", cookies));
        }
    }
}
