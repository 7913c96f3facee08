using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace AccountTiming;

/// <summary>One visitor's cookies: what the site set, sent back with the next request.</summary>
public sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public void Take(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var header in values)
        {
            var pair = header.Split(';', 2)[0];
            var equals = pair.IndexOf('=');
            if (equals <= 0) continue;
            var (name, value) = (pair[..equals].Trim(), pair[(equals + 1)..].Trim());
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
            if (value.Length == 0 || expired) _cookies.Remove(name);
            else _cookies[name] = value;
        }
    }

    public void AddTo(HttpRequestMessage request)
    {
        if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
    }
}

/// <summary>An answer: its status, its body and, for a timed request, the wall time from sending to the last byte.</summary>
public sealed record Answer(HttpStatusCode Status, string Body, double Milliseconds);

/// <summary>
/// The site as a browser sees it, over kept-alive connections: form pages are fetched with a cookie
/// jar, their antiforgery token read, and the form posted back.
/// </summary>
public sealed partial class SiteClient : IDisposable
{
    private readonly HttpClient _http;

    public SiteClient(Uri site)
    {
        var handler = new SocketsHttpHandler
        {
            // Cookies are per visitor (CookieJar), not per connection pool.
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(30),
        };
        _http = new HttpClient(handler) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Site => _http.BaseAddress!;

    [GeneratedRegex("""<input type="hidden" name="__af" value="([^"]+)">""")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("""<input type="hidden" name="purpose" value="([^"]*)">""")]
    private static partial Regex PurposeField();

    /// <summary>GETs a form page (200 expected) and returns its antiforgery token and its whole HTML.</summary>
    public async Task<(string Token, string Html)> GetFormAsync(string path, CookieJar jar)
    {
        var answer = await SendAsync(HttpMethod.Get, path, jar, null);
        if (answer.Status != HttpStatusCode.OK) throw new BenchmarkException($"GET {Redact(path)} answered {(int)answer.Status}, not 200");
        var match = AntiforgeryField().Match(answer.Body);
        if (!match.Success) throw new BenchmarkException($"GET {Redact(path)}: no antiforgery field (__af) in the form");
        return (WebUtility.HtmlDecode(match.Groups[1].Value), answer.Body);
    }

    /// <summary>POSTs a form (application/x-www-form-urlencoded); the time covers sending and reading the whole answer.</summary>
    public Task<Answer> PostAsync(string path, CookieJar jar, IEnumerable<KeyValuePair<string, string>> fields) =>
        SendAsync(HttpMethod.Post, path, jar, new FormUrlEncodedContent(fields));

    /// <summary>Uses a link from an email the way a person does: opens its page, then presses its button (a redirect expected).</summary>
    public async Task UseLinkAsync(string pathAndQuery)
    {
        var jar = new CookieJar();
        var (token, html) = await GetFormAsync(pathAndQuery, jar);
        var purpose = PurposeField().Match(html);
        if (!purpose.Success) throw new BenchmarkException($"the link page {Redact(pathAndQuery)} has no button to use it (expired or used?)");
        var answer = await PostAsync(pathAndQuery.Split('?')[0], jar,
            [new("__af", token), new("purpose", WebUtility.HtmlDecode(purpose.Groups[1].Value))]);
        if (answer.Status is not (HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.Found))
        {
            throw new BenchmarkException($"using the link {Redact(pathAndQuery)} answered {(int)answer.Status}, not a redirect");
        }
    }

    private async Task<Answer> SendAsync(HttpMethod method, string path, CookieJar jar, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        jar.AddTo(request);
        var started = Stopwatch.GetTimestamp();
        // The default completion (ResponseContentRead) buffers the whole body before the task ends.
        using var response = await _http.SendAsync(request);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var body = await response.Content.ReadAsStringAsync();
        jar.Take(response);
        return new Answer(response.StatusCode, body, elapsed);
    }

    /// <summary>Link tokens are secrets; messages show only their start.</summary>
    private static string Redact(string path)
    {
        var token = path.IndexOf("/link/", StringComparison.Ordinal);
        return token < 0 ? path : path[..Math.Min(path.Length, token + 12)] + "…";
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>Something answered otherwise than it should: the run stops with this message.</summary>
public sealed class BenchmarkException(string message) : Exception(message);
