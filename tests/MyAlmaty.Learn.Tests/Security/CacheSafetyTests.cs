using System.Net;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>
/// What a cached page shows depends only on what its key holds: no junk in a query string, a header
/// or a cookie of one request changes a byte of what the next plain visitor gets. And a page repeats
/// only what it used, never a sender's whole input.
/// </summary>
public sealed class CacheSafetyTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private TestSite _uncached = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartAsync();
        _uncached = await TestSite.StartAsync(extraArgs: "--Site:CachePages=false");
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        await _uncached.DisposeAsync();
    }

    public static TheoryData<string> Pages => new() { "/ru/about", "/kk/about", "/kk/", "/ru/glossary", "/kk/courses/grassroots/urban-activist", "/kk/summaries" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Junk_in_a_request_leaves_the_next_plain_visitors_page_byte_identical(string path)
    {
        var junk = new string('ж', 60_000);
        // The first junk request comes before any plain one, so it would be the page that gets cached.
        var requests = new List<HttpRequestMessage>
        {
            new(HttpMethod.Get, $"{path}?return={Uri.EscapeDataString(junk)}"),
            new(HttpMethod.Get, $"{path}?notice=untranslated&notice=deleted"),
            new(HttpMethod.Get, $"{path}?notice={Uri.EscapeDataString("<script>alert(1)</script>")}"),
            new(HttpMethod.Get, $"{path}?utm_source=evil&q=%3Cb%3E"),
            new(HttpMethod.Get, path.ToUpperInvariant().Replace("/KK", "/kk").Replace("/RU", "/ru")),
            new(HttpMethod.Get, path) { Headers = { { "X-Forwarded-Host", "evil.example" }, { "X-Forwarded-Proto", "https" }, { "Accept-Language", "en" } } },
            new(HttpMethod.Get, path) { Headers = { { "Cookie", "ma_script=" + new string('x', 500) } } },
            new(HttpMethod.Get, path) { Headers = { Host = $"localhost:{_site.Address.Port}" } },
        };
        foreach (var request in requests)
        {
            using var client = _site.NewClient();
            using var response = await client.SendAsync(request);
            Assert.True((int)response.StatusCode < 500, $"{request.RequestUri}: {(int)response.StatusCode}");
        }

        using var plain = _site.NewClient();
        var first = await plain.GetByteArrayAsync(path);
        using var uncached = _uncached.NewClient();
        var reference = await uncached.GetStringAsync(path);

        // The same page a site without a cache renders for the same plain request (the port is the only difference).
        Assert.Equal(reference.Replace(_uncached.Address.Authority, "SITE"), System.Text.Encoding.UTF8.GetString(first).Replace(_site.Address.Authority, "SITE"));
        Assert.Equal(first, await plain.GetByteArrayAsync(path));
    }

    [Fact]
    public async Task A_huge_search_query_is_echoed_no_longer_than_what_was_searched()
    {
        // 118 KB: «qala» is Kazakh in the Latin alphabet, searched like «қала».
        var tail = string.Concat(Enumerable.Repeat("qala+", 23_600));
        using var response = await _site.Client.GetAsync($"/kk/search?q={Uri.EscapeDataString("қала")}+{tail}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(page.Length < 60_000, $"the page is {page.Length} characters long");
        Assert.DoesNotContain(string.Concat(Enumerable.Repeat("qala ", 13)), page);
        Assert.DoesNotContain(string.Concat(Enumerable.Repeat("qala+", 13)), page);
        Assert.DoesNotContain(string.Concat(Enumerable.Repeat("qala%20", 13)), page);
    }
}
