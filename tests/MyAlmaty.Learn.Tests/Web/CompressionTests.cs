using System.IO.Compression;
using System.Net;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

/// <summary>The shipped site over HTTPS, as readers reach it behind TLS.</summary>
public sealed class HttpsSiteFixture : IAsyncLifetime
{
    private readonly TempFolder _certificate = new();

    public TestSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await TestSite.StartAsync(extraArgs: TestCertificates.HttpsArguments(_certificate));

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        _certificate.Dispose();
    }
}

/// <summary>
/// Public text goes out in Brotli or gzip, whichever the reader asks for, over HTTPS too; what may
/// hold a secret — a signed-in reader's pages, any page with a form token — goes out as it is.
/// </summary>
public sealed class CompressionTests(HttpsSiteFixture fixture) : IClassFixture<HttpsSiteFixture>
{
    private TestSite Site => fixture.Site;

    public static TheoryData<string, string> PublicTexts()
    {
        var data = new TheoryData<string, string>();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            foreach (var path in new[] { "/ru/courses/grassroots/urban-activist", "/kk/glossary", "/assets/site.css", "/assets/search.js", "/sitemap.xml", "/kk/summaries/feed.atom", "/favicon.svg", "/robots.txt" })
            {
                data.Add(path, encoding);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PublicTexts))]
    public async Task Public_text_is_compressed_as_asked_and_decodes_to_the_same_bytes(string path, string encoding)
    {
        Assert.Equal("https", Site.Address.Scheme);
        using var client = Site.NewClient();
        var plain = await client.GetByteArrayAsync(path);

        using var compressed = await GetAsync(client, path, $"{encoding}, identity;q=0.5");

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.Equal([encoding], compressed.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var body = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(body.Length < plain.Length, $"{path}: {body.Length} bytes compressed, {plain.Length} plain");
        Assert.Equal(plain, Decode(body, encoding));
    }

    [Fact]
    public async Task Brotli_is_preferred_when_a_browser_takes_both()
    {
        using var response = await GetAsync(Site.Client, "/ru/", "gzip, deflate, br, zstd");

        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_reader_who_asks_for_no_encoding_gets_none()
    {
        using var response = await Site.Client.GetAsync("/ru/");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Fact]
    public async Task A_signed_in_readers_pages_go_out_uncompressed()
    {
        var email = await AddressStates.MakeAsync(Site, "registered");
        using var reader = Site.NewClient();
        Assert.Equal(HttpStatusCode.Redirect, (await AddressStates.SignInAsync(reader, email, AddressStates.Password)).StatusCode);

        foreach (var path in new[] { "/ru/courses/grassroots/urban-activist", "/ru/account", "/ru/my", "/kk/glossary" })
        {
            using var response = await GetAsync(reader, path, "br, gzip");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            // The sign-out form's token: the kind of secret BREACH would be after.
            Assert.Contains("name=\"__af\"", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_page_with_a_form_token_goes_out_uncompressed_even_to_an_anonymous_reader()
    {
        using var reader = Site.NewClient();

        using var response = await GetAsync(reader, "/ru/account/sign-in", "br, gzip");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"__af\"", await response.Content.ReadAsStringAsync());
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return client.SendAsync(request);
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
