using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Learners;

[Collection(SiteCollection.Name)]
public sealed class SetupLinkTests(SiteFixture fixture)
{
    [Fact]
    public async Task A_setup_link_signs_the_new_administrator_in_once()
    {
        var email = AccountFlowTests.NewEmail();
        string token;
        await using (var scope = fixture.Site.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync(email, RoleNames.Administrator, null, "ru");
        }
        using var admin = fixture.Site.NewClient();

        var first = await AccountFlowTests.UseLinkAsync(admin, $"/ru/account/link/{token}?purpose=setup");
        var profile = await admin.GetAsync("/ru/account");
        using var other = fixture.Site.NewClient();
        var second = await AccountFlowTests.UseLinkAsync(other, $"/ru/account/link/{token}?purpose=setup");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
    }
}
