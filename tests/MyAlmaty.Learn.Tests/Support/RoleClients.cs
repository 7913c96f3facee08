using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>A visitor signed in with a role, through a setup link as the command line hands them out.</summary>
public static class RoleClients
{
    public static async Task<HttpClient> SignInAsync(TestSite site, string role, string culture = "ru") =>
        (await PersonAsync(site, role, culture)).Client;

    /// <summary>The same, with the account's id and address, for tests that act on the person.</summary>
    public static async Task<SignedInPerson> PersonAsync(TestSite site, string role, string culture = "ru", string? name = null)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        string token;
        string id;
        await using (var scope = site.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync(email, role, name ?? role, culture);
            id = (await scope.ServiceProvider.GetRequiredService<UserManager<LearnUser>>().FindByEmailAsync(email))!.Id;
        }
        var client = site.NewClient();
        using var signedIn = await AccountFlowTests.UseLinkAsync(client, $"/{culture}/account/link/{token}?purpose=setup");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return new SignedInPerson(client, id, email);
    }
}

public sealed record SignedInPerson(HttpClient Client, string Id, string Email) : IDisposable
{
    public void Dispose() => Client.Dispose();
}
