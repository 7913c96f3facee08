using System.Net;
using MyAlmaty.Learn.Tests.Learners;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>The kinds of address an attacker may try, each made the way a person would make it, on a running site.</summary>
public static class AddressStates
{
    public const string Password = "correct horse battery";

    public static readonly string[] All = ["unknown", "registered", "unconfirmed", "password-less", "locked"];

    /// <summary>A fresh address in the state.</summary>
    public static async Task<string> MakeAsync(TestSite site, string state)
    {
        var email = AccountFlowTests.NewEmail();
        using var owner = site.NewClient();
        switch (state)
        {
            case "unknown":
                break;
            case "unconfirmed":
                await SignUpAsync(owner, email);
                Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, email));
                break;
            case "registered":
                await SignUpAsync(owner, email);
                await AccountFlowTests.UseLinkAsync(owner, Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, email))));
                break;
            case "password-less":
                await Forms.SubmitAsync(owner, "/ru/account/sign-in", "/ru/account/link", ("email", email));
                await AccountFlowTests.UseLinkAsync(owner, Mailbox.LinkIn(Assert.Single(await Mailbox.WaitForAsync(site.MailFolder, email))));
                break;
            case "locked":
                email = await MakeAsync(site, "registered");
                await LockAsync(site, email);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
        return email;
    }

    /// <summary>Five wrong passwords, from a client of its own.</summary>
    public static async Task LockAsync(TestSite site, string email)
    {
        using var attacker = site.NewClient();
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.BadRequest, (await SignInAsync(attacker, email, "wrong password " + i)).StatusCode);
    }

    public static Task<HttpResponseMessage> SignUpAsync(HttpClient client, string email, string name = "Айгерім") =>
        Forms.SubmitAsync(client, "/ru/account/sign-up", "/ru/account/sign-up", ("name", name), ("email", email), ("password", Password));

    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        Forms.SubmitAsync(client, "/ru/account/sign-in", "/ru/account/sign-in", ("email", email), ("password", password));

    public static Task<HttpResponseMessage> RequestLinkAsync(HttpClient client, string email) =>
        Forms.SubmitAsync(client, "/ru/account/sign-in", "/ru/account/link", ("email", email));

    public static Task<HttpResponseMessage> RequestResetAsync(HttpClient client, string email) =>
        Forms.SubmitAsync(client, "/ru/account/reset", "/ru/account/reset", ("email", email));
}
