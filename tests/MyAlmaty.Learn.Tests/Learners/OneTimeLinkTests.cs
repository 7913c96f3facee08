using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Learners;

public sealed class OneTimeLinkTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_link_works_once()
    {
        await using var services = await ContentServices.CreateAsync(_clock);
        var token = await CreateAsync(services, LinkPurpose.SignIn);

        var first = await RedeemAsync(services, token, LinkPurpose.SignIn);
        var second = await RedeemAsync(services, token, LinkPurpose.SignIn);

        Assert.True(first.Succeeded);
        Assert.Equal("reader@example.org", first.Link!.Email);
        Assert.Equal(LinkFailure.AlreadyUsed, second.Failure);
    }

    [Fact]
    public async Task A_link_expires_after_thirty_minutes()
    {
        await using var services = await ContentServices.CreateAsync(_clock);
        var token = await CreateAsync(services, LinkPurpose.SignIn);

        _clock.Advance(OneTimeLinks.Lifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(LinkFailure.Expired, (await RedeemAsync(services, token, LinkPurpose.SignIn)).Failure);
    }

    [Fact]
    public async Task A_link_made_for_one_purpose_does_nothing_for_another()
    {
        await using var services = await ContentServices.CreateAsync(_clock);
        var token = await CreateAsync(services, LinkPurpose.ResetPassword);

        Assert.Equal(LinkFailure.Unknown, (await RedeemAsync(services, token, LinkPurpose.SignIn)).Failure);
        Assert.True((await RedeemAsync(services, token, LinkPurpose.ResetPassword)).Succeeded);
    }

    [Fact]
    public async Task Two_requests_racing_with_one_link_let_only_one_through()
    {
        await using var services = await ContentServices.CreateAsync(_clock);
        var token = await CreateAsync(services, LinkPurpose.SignIn);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => RedeemAsync(services, token, LinkPurpose.SignIn))));

        Assert.Single(results, r => r.Succeeded);
    }

    [Fact]
    public async Task Only_a_hash_of_the_token_is_stored()
    {
        await using var services = await ContentServices.CreateAsync(_clock);
        var token = await CreateAsync(services, LinkPurpose.SignIn);

        var stored = await services.QueryAsync(db => Task.FromResult(db.Set<OneTimeLink>().Single()));

        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
    }

    private static async Task<string> CreateAsync(ContentServices services, LinkPurpose purpose)
    {
        await using var scope = services.Services.CreateAsyncScope();
        var token = scope.ServiceProvider.GetRequiredService<OneTimeLinks>().Create("reader@example.org", purpose, "kk");
        await scope.ServiceProvider.GetRequiredService<LearnDbContext>().SaveChangesAsync();
        return token;
    }

    private static async Task<LinkRedemption> RedeemAsync(ContentServices services, string token, LinkPurpose purpose)
    {
        await using var scope = services.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneTimeLinks>().RedeemAsync(token, purpose);
    }
}
