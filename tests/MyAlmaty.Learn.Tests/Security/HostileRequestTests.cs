using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>Odd addresses, odd methods and oversized or broken forms get a clear 3xx/4xx in the reader's language, never a 500.</summary>
[Collection(SiteCollection.Name)]
public sealed class HostileRequestTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Theory]
    [InlineData("/RU/about", "/ru/about")]
    [InlineData("/KK/glossary", "/kk/glossary")]
    [InlineData("/Ru/courses/grassroots/urban-activist", "/ru/courses/grassroots/urban-activist")]
    [InlineData("/RU/search?q=%D0%B3%D0%BE%D1%80%D0%BE%D0%B4", "/ru/search?q=%D0%B3%D0%BE%D1%80%D0%BE%D0%B4")]
    [InlineData("/kK/", "/kk/")]
    [InlineData("/RU", "/ru")]
    [InlineData("/KK/account/sign-in", "/kk/account/sign-in")]
    public async Task An_upper_case_language_in_the_address_is_moved_to_lower_case(string path, string target)
    {
        using var response = await Site.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_form_posted_to_an_upper_case_address_finds_nothing()
    {
        using var response = await Site.Client.PostAsync("/RU/account/sign-in", new FormUrlEncodedContent([new("email", "a@example.org")]));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ru", Html.Parse(await response.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/ru/")]
    [InlineData("/kk/courses/smart-city")]
    [InlineData("/ru/search?q=город")]
    [InlineData("/ru/account/sign-in")]
    public async Task A_page_answers_HEAD_with_its_headers_and_no_body(string path)
    {
        using var get = await Site.Client.GetAsync(path);
        using var head = await Site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("PUT", "/ru/about")]
    [InlineData("DELETE", "/ru/courses")]
    [InlineData("PATCH", "/kk/")]
    [InlineData("PUT", "/ru/no-such-page")]
    public async Task Another_method_gets_405_with_the_methods_allowed(string method, string path)
    {
        using var response = await Site.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    public static TheoryData<string, string> Forms() => new()
    {
        { "5 MB field", "mark-as-read" }, { "1,100 fields", "mark-as-read" }, { "40 MB body", "mark-as-read" },
        { "5 MB field", "quiz-start" }, { "1,100 fields", "quiz-start" }, { "40 MB body", "quiz-start" },
        { "5 MB field", "quiz-submit" }, { "1,100 fields", "quiz-submit" }, { "40 MB body", "quiz-submit" },
        { "5 MB field", "sign-in" }, { "1,100 fields", "sign-in" }, { "not a form", "quiz-submit" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task An_oversized_or_broken_form_gets_a_themed_4xx_and_changes_nothing(string kind, string target)
    {
        using var reader = Site.NewClient();
        await AccountFlowTests.MarkDoneAsync(reader, "/kk/courses/grassroots/urban-activist");
        var action = target switch
        {
            "mark-as-read" => "/kk/courses/grassroots/informal-communities/done",
            "quiz-start" => "/kk/quizzes/civic-activism/attempts",
            "quiz-submit" => await QuizTaker.StartAsync(reader, "/kk/quizzes/civic-activism"),
            _ => "/kk/account/sign-in",
        };
        var (_, before) = await Html.GetAsync(reader, "/kk/courses/grassroots");

        // A client that waits to be told to send the body, as curl does; a server that refuses a body
        // mid-way otherwise leaves some clients writing into a closed connection.
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = Body(kind), Headers = { ExpectContinue = true } };
        using var response = await reader.SendAsync(request);

        Assert.True((int)response.StatusCode is 400 or 413, $"{kind} to {target}: {(int)response.StatusCode}");
        Assert.Equal("kk", Html.Parse(await response.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var (_, after) = await Html.GetAsync(reader, "/kk/courses/grassroots");
        Assert.Equal(before.QuerySelector("main")!.TextContent, after.QuerySelector("main")!.TextContent);
    }

    private static HttpContent Body(string kind) => kind switch
    {
        "5 MB field" => new FormUrlEncodedContent([new("__af", "x"), new("q1", new string('ж', 5 * 1024 * 1024 / 2))]),
        "1,100 fields" => new FormUrlEncodedContent(Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"f{i}", "1"))),
        "40 MB body" => new ByteArrayContent(Encoding.ASCII.GetBytes("a=" + new string('b', 40 * 1024 * 1024))) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") } },
        _ => new StringContent("{\"step\": 0}", Encoding.UTF8, "application/json"),
    };
}
