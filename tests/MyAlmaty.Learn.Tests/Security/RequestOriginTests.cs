using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Quizzes;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Security;

/// <summary>A page of another site cannot make a reader's browser change anything here; a learner cannot pile up attempts.</summary>
[Collection(SiteCollection.Name)]
public sealed class RequestOriginTests(SiteFixture fixture)
{
    private const string Lesson = "/ru/courses/grassroots/urban-activist";
    private TestSite Site => fixture.Site;

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    public async Task A_form_posted_from_another_site_changes_nothing(string header, string value)
    {
        // The reader's own cookie stays home (SameSite=Lax), so the site sees a first-time reader, whose
        // «mark as read» needs no token: only where the form came from can refuse it. Taken, it would
        // set a new learner cookie in place of the reader's, and their progress would be gone.
        using var request = new HttpRequestMessage(HttpMethod.Post, Lesson + "/done") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add(header, value);
        using var stranger = Site.NewClient();
        using var refused = await stranger.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ma_learner", StringComparison.Ordinal)));
        Assert.Equal("ru", Html.Parse(await refused.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Sec-Fetch-Site", "none")]
    [InlineData("Origin", "")]
    public async Task A_form_posted_from_the_site_itself_is_taken(string header, string value)
    {
        using var reader = Site.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, Lesson + "/done") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add(header, value.Length > 0 ? value : Site.Address.GetLeftPart(UriPartial.Authority));

        using var taken = await reader.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
    }

    [Fact]
    public async Task Two_hundred_starts_at_once_open_one_attempt()
    {
        using var learner = Site.NewClient();
        await AccountFlowTests.MarkDoneAsync(learner, "/kk/courses/grassroots/urban-activist");
        var (_, intro) = await Html.GetAsync(learner, "/kk/quizzes/urban-activist");

        var starts = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Forms.PostAsync(learner, intro, "/kk/quizzes/urban-activist/attempts")));

        Assert.All(starts, s => Assert.Equal(HttpStatusCode.Redirect, s.StatusCode));
        Assert.Single(starts.Select(s => s.Headers.Location!.OriginalString).Distinct());
        var id = starts[0].Headers.Location!.OriginalString.Split('/').Last();
        await using var scope = Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var learnerId = await db.Set<QuizAttempt>().Where(a => a.Id == id).Select(a => a.LearnerId).SingleAsync();
        Assert.Equal(1, await db.Set<QuizAttempt>().CountAsync(a => a.LearnerId == learnerId && a.QuizKey == "urban-activist"));
    }

    [Fact]
    public async Task An_attempt_open_in_one_language_goes_on_in_that_language()
    {
        using var learner = Site.NewClient();
        var russian = await QuizTaker.StartAsync(learner, "/ru/quizzes/civic-activism");

        var (_, intro) = await Html.GetAsync(learner, "/kk/quizzes/civic-activism");
        var continued = intro.QuerySelector(".quiz-actions a")!.GetAttribute("href");
        // A start posted anyway (an old tab): it leads to the same attempt.
        var (_, form) = await Html.GetAsync(learner, "/kk/account/sign-in");
        using var started = await learner.PostAsync("/kk/quizzes/civic-activism/attempts",
            new FormUrlEncodedContent([new("__af", form.QuerySelector("input[name=__af]")!.GetAttribute("value")!)]));

        Assert.Equal(russian, continued);
        Assert.Equal(russian, started.Headers.Location!.OriginalString);
        Assert.StartsWith("/ru/quizzes/civic-activism/attempts/", russian);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.GetAsync(russian.Replace("/ru/", "/kk/"))).StatusCode);
    }
}
