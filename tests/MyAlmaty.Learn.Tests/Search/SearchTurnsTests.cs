using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Web.Search;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>Searches take turns: a few run at once, the rest wait in order, and a full queue gets a friendly 429.</summary>
public sealed class SearchTurnsTests
{
    [Fact]
    public async Task A_search_waits_for_its_turn_and_then_is_answered()
    {
        await using var site = await TestSite.StartAsync(extraArgs: ["--Search:ConcurrentSearches=1", "--Search:SearchQueue=4"]);
        var turns = site.Services.GetRequiredService<SearchTurns>();

        var held = await turns.WaitAsync(AnotherClient(), CancellationToken.None);
        Assert.True(held.IsAcquired);
        var waiting = site.Client.GetAsync($"/ru/search?q={Uri.EscapeDataString("город")}");
        await Task.Delay(500);
        Assert.False(waiting.IsCompleted);

        held.Dispose();
        using var answered = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("search-result", await answered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_the_queue_full_the_reader_is_asked_to_try_again_in_their_language()
    {
        await using var site = await TestSite.StartAsync(extraArgs: ["--Search:ConcurrentSearches=1", "--Search:SearchQueue=0"]);
        var turns = site.Services.GetRequiredService<SearchTurns>();

        using (var held = await turns.WaitAsync(AnotherClient(), CancellationToken.None))
        {
            Assert.True(held.IsAcquired);
            using var busy = await site.Client.GetAsync($"/kk/search?q={Uri.EscapeDataString("қала")}");
            Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
            Assert.Equal("5", busy.Headers.GetValues("Retry-After").Single());
            Assert.Equal("kk", Html.Parse(await busy.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));
            using var instant = await site.Client.GetAsync($"/kk/search.json?q={Uri.EscapeDataString("қала")}");
            Assert.Equal(HttpStatusCode.TooManyRequests, instant.StatusCode);
        }

        using var again = await site.Client.GetAsync($"/kk/search?q={Uri.EscapeDataString("қала")}");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task One_client_flooding_search_does_not_keep_another_from_getting_results()
    {
        await using var site = await TestSite.StartAsync(extraArgs: ["--Search:ConcurrentSearches=1", "--Search:SearchQueue=20", "--Search:SearchQueuePerClient=4"]);
        var turns = site.Services.GetRequiredService<SearchTurns>();
        var flooder = site.NewClientFrom(IPAddress.Parse("127.0.0.1"));
        using var other = site.NewClientFrom(IPAddress.Parse("127.0.0.2"));
        var path = $"/ru/search?q={Uri.EscapeDataString("город")}";

        Task<HttpResponseMessage[]> flood;
        Task<HttpResponseMessage> answer;
        using (var held = await turns.WaitAsync(new DefaultHttpContext { Connection = { RemoteIpAddress = IPAddress.Parse("127.0.0.1") } }, CancellationToken.None))
        {
            Assert.True(held.IsAcquired);
            flood = Task.WhenAll(Enumerable.Range(0, 40).Select(_ => flooder.GetAsync(path)));
            await Task.Delay(1000);
            answer = other.GetAsync(path);
            await Task.Delay(200);
        }

        using var answered = await answer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("search-result", await answered.Content.ReadAsStringAsync());
        var flooded = await flood;
        flooder.Dispose();
        // The flooder had its few places (two in the line, one of them the turn held above, and four queued for one) and was asked to wait for the rest.
        Assert.Equal(5, flooded.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(35, flooded.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    /// <summary>A search by someone else than the test's own client, holding a turn.</summary>
    private static DefaultHttpContext AnotherClient() => new() { Connection = { RemoteIpAddress = IPAddress.Parse("192.0.2.10") } };
}
