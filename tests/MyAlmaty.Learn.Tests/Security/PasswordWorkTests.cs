using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>
/// Timing tells nothing either: the expensive part of an account request — hashing a password —
/// happens exactly as often whatever the address is (the timing benchmark measures the rest).
/// </summary>
public sealed class PasswordWorkTests : IAsyncLifetime
{
    private readonly CountingHasher _hasher = new();
    private TestSite _site = null!;

    public async Task InitializeAsync() =>
        _site = await TestSite.StartWithAsync(s => s.AddScoped<IPasswordHasher<LearnUser>>(_ => _hasher), "--Site:AccountRequestsPerMinute=100000");

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Each_request_hashes_a_password_as_often_whatever_the_address()
    {
        var counts = new Dictionary<string, string>();
        foreach (var state in AddressStates.All)
        {
            var email = await AddressStates.MakeAsync(_site, state);
            using var client = _site.NewClient();
            var signIn = await CountAsync(() => AddressStates.SignInAsync(client, email, "not the password"));
            var signUp = await CountAsync(() => AddressStates.SignUpAsync(client, state == "unknown" ? AccountFlowAddress() : email));
            var link = await CountAsync(() => AddressStates.RequestLinkAsync(client, email));
            var reset = await CountAsync(() => AddressStates.RequestResetAsync(client, email));
            counts[state] = $"sign-in {signIn}, sign-up {signUp}, link {link}, reset {reset}";
        }

        Assert.All(counts, c => Assert.Equal("sign-in 1, sign-up 1, link 0, reset 0", c.Value));
    }

    [Fact]
    public async Task An_unknown_address_locks_by_the_same_rules_as_an_account_on_every_node_and_across_restarts()
    {
        var registered = await AddressStates.MakeAsync(_site, "registered");
        var unknown = await AddressStates.MakeAsync(_site, "unknown");
        using var attacker = _site.NewClient();
        for (var i = 0; i < 3; i++)
        {
            await AddressStates.SignInAsync(attacker, registered, "wrong");
            await AddressStates.SignInAsync(attacker, unknown, "wrong");
        }

        // The failures are in the database: a second node on the same database counts on from three.
        using var otherData = new TempFolder();
        await using var second = await TestSite.StartOnAsync(otherData, "--Site:AccountRequestsPerMinute=100000", "--Site:ImportOnStart=false",
            $"--Storage:ConnectionString=Data Source={Path.Combine(_site.DataPath, "learn.db")};Cache=Shared;Pooling=True");
        using var elsewhere = second.NewClient();
        foreach (var email in new[] { registered, unknown })
        {
            var fourth = await AddressStates.SignInAsync(elsewhere, email, "wrong");
            Assert.Equal(HttpStatusCode.BadRequest, fourth.StatusCode);
            Assert.DoesNotContain("15", await TextAsync(fourth));
        }

        // Failures are not forgotten with time, only by a lock-out: the fifth locks both.
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var normalized = unknown.ToUpperInvariant();
            Assert.Equal(4, (await db.Set<SignInFailure>().SingleAsync(f => f.NormalizedEmail == normalized)).AccessFailedCount);
        }
        foreach (var email in new[] { registered, unknown }) Assert.Contains("15", await TextAsync(await AddressStates.SignInAsync(attacker, email, "wrong")));

        // When the lock-out ends, both start counting from nothing: four more failures do not lock either.
        await using (var scope = _site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
            var past = DateTimeOffset.UtcNow.AddMinutes(-1);
            await db.Set<SignInFailure>().ExecuteUpdateAsync(s => s.SetProperty(f => f.LockoutEnd, past));
            await db.Users.Where(u => u.Email == registered).ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, past));
        }
        foreach (var email in new[] { registered, unknown })
        {
            for (var i = 0; i < 4; i++) Assert.DoesNotContain("15", await TextAsync(await AddressStates.SignInAsync(attacker, email, "wrong")));
            Assert.Contains("15", await TextAsync(await AddressStates.SignInAsync(attacker, email, "wrong")));
        }
    }

    private static string AccountFlowAddress() => Learners.AccountFlowTests.NewEmail();

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent;

    private async Task<int> CountAsync(Func<Task<HttpResponseMessage>> send)
    {
        var before = _hasher.Calls;
        (await send()).Dispose();
        return _hasher.Calls - before;
    }

    /// <summary>Identity's hasher, counting every hash it computes or verifies.</summary>
    private sealed class CountingHasher : IPasswordHasher<LearnUser>
    {
        private readonly PasswordHasher<LearnUser> _inner = new();
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public string HashPassword(LearnUser user, string password)
        {
            Interlocked.Increment(ref _calls);
            return _inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(LearnUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _calls);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
