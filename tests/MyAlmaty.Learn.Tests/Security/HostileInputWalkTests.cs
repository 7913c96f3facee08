using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>
/// Every endpoint the site maps — read from the router, so a new one cannot be left out — gets a
/// corpus of hostile requests: odd languages in the address, control characters and foreign letters
/// in every parameter and return path, a foreign Host, huge values, thousands of fields, a 40 MB body,
/// wrong content types, HEAD and odd methods. None may answer 5xx, every answer carries the security
/// headers, a refused request writes nothing to the database, and nothing is logged as a failure.
/// </summary>
public sealed class HostileInputWalkTests : IAsyncLifetime
{
    private TestSite _site = null!;
    private WriteRecorder _writes = null!;

    public async Task InitializeAsync()
    {
        _site = await TestSite.StartWithAsync(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<WriteRecorder>();
            services.ConfigureDbContext<LearnDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<WriteRecorder>()));
        }, "--Site:AccountRequestsPerMinute=1000000", "--Search:SearchQueuePerClient=1000");
        _writes = _site.Services.GetRequiredService<WriteRecorder>();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static readonly string[] BadValues =
    [
        "%00", "%09", "%0D%0Aevil:1", "%E2%80%AE", "%FF%FE", Uri.EscapeDataString("жұмыс"), "..%2F..%2Fetc%2Fpasswd", "%2F%2Fevil.example",
        Uri.EscapeDataString("<script>alert(1)</script>"), new string('a', 5000), "%", "%%32%65",
    ];

    private static readonly string[] BadCultures = ["RU", "Kk", "xx", "en", Uri.EscapeDataString("ру"), "%00"];

    [Fact]
    public async Task No_endpoint_answers_hostile_input_with_a_server_error()
    {
        // The recorder sees writes: a reader marking a lesson read writes their progress.
        using (var marked = Request(HttpMethod.Post, "/ru/courses/grassroots/urban-activist/done"))
        {
            marked.Headers.TryAddWithoutValidation(WriteRecorder.Header, "sanity");
            marked.Content = Form();
            Assert.Equal(HttpStatusCode.Redirect, (await _site.Client.SendAsync(marked)).StatusCode);
            Assert.NotEmpty(_writes.WritesOf("sanity"));
        }

        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 30, $"only {endpoints.Count} endpoints found");
        var problems = new List<string>();
        var sent = 0;
        foreach (var (pattern, methods) in endpoints)
        {
            foreach (var request in Corpus(pattern, methods))
            {
                var id = (++sent).ToString(System.Globalization.CultureInfo.InvariantCulture);
                request.Headers.TryAddWithoutValidation(WriteRecorder.Header, id);
                var description = $"{request.Method} {Shorten(request.RequestUri!.OriginalString)} ({pattern.RawText})";
                // Kestrel itself refuses a NUL in the path (400) before the site sees the request; it has no headers to add.
                var refusedByServer = request.RequestUri.OriginalString.Split('?')[0].Contains("%00", StringComparison.Ordinal);
                var oversized = request.Content?.Headers.ContentLength > 30_000_000;
                HttpResponseMessage response;
                try
                {
                    response = await _site.Client.SendAsync(request);
                }
                catch (HttpRequestException e) when (oversized && e.InnerException is IOException)
                {
                    // Kestrel may close the connection after the refusal, while a body over its limit is still being sent:
                    // the server said no without reading it, which is the answer such a body deserves. Errors are still looked for in the log.
                    request.Dispose();
                    continue;
                }
                using var _ = response;
                var status = (int)response.StatusCode;
                if (status >= 500) problems.Add($"{description}: {status}");
                if (!refusedByServer && !new[] { "X-Content-Type-Options", "Content-Security-Policy", "X-Frame-Options" }.All(response.Headers.Contains))
                {
                    problems.Add($"{description}: {status} without the security headers");
                }
                if (status >= 400 && _writes.WritesOf(id) is { Count: > 0 } writes) problems.Add($"{description}: {status} but wrote {Shorten(writes[0])}");
                request.Dispose();
            }
        }

        Assert.True(sent > 1000, $"only {sent} requests sent");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(60)) + $"\n({problems.Count} in all)\n" + string.Join("\n", _site.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal)).Take(3)));
        Assert.DoesNotContain(_site.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    private List<(RoutePattern Pattern, IReadOnlyList<string> Methods)> Endpoints() =>
        [.. _site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (e.RoutePattern, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? (IReadOnlyList<string>)[HttpMethods.Get]))];

    private IEnumerable<HttpRequestMessage> Corpus(RoutePattern pattern, IReadOnlyList<string> methods)
    {
        var method = methods.Contains(HttpMethods.Post) ? HttpMethod.Post : HttpMethod.Get;
        var good = Path(pattern, _ => null);
        var parameters = pattern.Parameters.Select(p => p.Name).ToList();

        // The address: the language, each parameter, the query.
        foreach (var culture in BadCultures) yield return Request(method, Path(pattern, p => p == "culture" ? culture : null));
        foreach (var name in parameters.Where(p => p != "culture"))
        {
            foreach (var bad in BadValues) yield return Request(method, Path(pattern, p => p == name ? bad : null));
        }
        foreach (var bad in BadValues)
        {
            yield return Request(method, $"{good}?returnPath={bad}&return_path={bad}&return={bad}&q={bad}&notice={bad}&page={bad}&type={bad}&code={bad}&purpose={bad}&other={bad}");
        }
        yield return Request(method, $"{good}?q={new string('ж', 20_000)}&page=-2147483649&page=3");

        // Who is asking, and how.
        var foreign = Request(method, good);
        foreign.Headers.Host = "evil.example";
        yield return foreign;
        var forwarded = Request(method, good);
        forwarded.Headers.TryAddWithoutValidation("X-Forwarded-Host", "evil.example");
        forwarded.Headers.TryAddWithoutValidation("Accept-Language", "\u0001ru;q=abc, *;q=-1");
        forwarded.Headers.TryAddWithoutValidation("Cookie", "ma_learner=%00; ma_script=latn%0D; ma_auth=garbage; ma_af=x");
        yield return forwarded;
        foreach (var odd in new[] { "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "FOO" }) yield return Request(new HttpMethod(odd), good);

        // What is sent: only where the endpoint reads a body, and to GETs as well (it must be ignored).
        var bodies = new Func<HttpContent>[]
        {
            () => Form(("email", "%00@example.org"), ("return_path", "/\t/evil.example"), ("password", new string('p', 100_000))),
            () => Form(("__af", "x"), ("big", new string('ж', 5 * 1024 * 1024 / 2))),
            () => Form([.. Enumerable.Range(0, 2000).Select(i => ($"f{i}", "1"))]),
            () => new ByteArrayContent(new byte[40 * 1024 * 1024]) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } },
            () => new StringContent("{\"email\":\"a@b.c\"}", Encoding.UTF8, "application/json"),
            () => new ByteArrayContent(Encoding.ASCII.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb")) { Headers = { ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x") } },
            () => new ByteArrayContent(Encoding.ASCII.GetBytes("a=%00&b=%ZZ&=&&&c")) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-7" } } },
        };
        foreach (var body in bodies)
        {
            var request = Request(HttpMethod.Post, good);
            request.Content = body();
            yield return request;
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        // Like curl: a body is sent only once the server asks for it, so a refusal is read, not a broken pipe.
        request.Headers.ExpectContinue = true;
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        return request;
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>The pattern with real values (a course, a lesson, a term…), or the one given for a parameter.</summary>
    private static string Path(RoutePattern pattern, Func<string, string?> value)
    {
        var path = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => value(parameter.Name) ?? Real(pattern, parameter.Name),
                    _ => "",
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    private static string Real(RoutePattern pattern, string parameter) => parameter switch
    {
        "culture" => "ru",
        "course" => "grassroots",
        "lesson" => "urban-activist",
        "script" => "latn",
        "token" => "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "code" => "MA-0000-0000",
        "id" => "AAAAAAAAAAAAAAAAAAAAAA",
        "slug" when pattern.RawText!.Contains("/courses/", StringComparison.Ordinal) => "grassroots",
        "slug" when pattern.RawText!.Contains("/glossary/", StringComparison.Ordinal) => "citizen",
        "slug" when pattern.RawText!.Contains("/summaries/", StringComparison.Ordinal) => "intro-session-grassroots",
        "slug" when pattern.RawText!.Contains("/quizzes/", StringComparison.Ordinal) => "urban-activist",
        "slug" => "about",
        _ => "x",
    };

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}
