using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>A visitor signed in with a role, through a setup link as the command line hands them out.</summary>
public static class RoleClients
{
    public static async Task<HttpClient> SignInAsync(TestSite site, string role, string culture = "ru")
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        string token;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync(email, role, role, culture);
        }
        var client = site.NewClient();
        using var signedIn = await AccountFlowTests.UseLinkAsync(client, $"/{culture}/account/link/{token}?purpose=setup");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }
}
