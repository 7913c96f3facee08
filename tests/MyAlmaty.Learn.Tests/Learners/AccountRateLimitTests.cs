using System.Net;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Learners;

public sealed class AccountRateLimitTests
{
    [Fact]
    public async Task Too_many_sign_in_requests_from_one_address_get_a_friendly_429()
    {
        await using var site = await TestSite.StartAsync(extraArgs: "--Site:AccountRequestsPerMinute=3");
        using var client = site.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await Forms.SubmitAsync(client, "/kk/account/sign-in", "/kk/account/link", ("email", AccountFlowTests.NewEmail()))).StatusCode);
        }
        var (last, page) = await Html.GetAsync(client, "/kk/account/sign-in");
        var limited = await Forms.PostAsync(client, page, "/kk/account/link", ("email", AccountFlowTests.NewEmail()));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("kk", Html.Parse(await limited.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));
    }
}
