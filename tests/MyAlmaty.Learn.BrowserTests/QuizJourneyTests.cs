using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.BrowserTests.Support;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Quizzes;
using static MyAlmaty.Learn.BrowserTests.Support.PageFacts;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>
/// A learner takes a lesson's quiz in a real browser, without any script: fails it with wrong
/// answers, reads why each answer was wrong, tries again, passes, and finds the lesson done.
/// </summary>
public sealed class QuizJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    private string T(string culture, string msgid, params object[] args) =>
        site.Site.Services.GetRequiredService<UiStrings>().Get(culture, msgid, args);

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task A_learner_fails_a_lesson_quiz_reads_the_explanations_passes_it_and_the_lesson_is_done(string culture)
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions { Locale = culture == "kk" ? "kk-KZ" : "ru-RU", JavaScriptEnabled = false });
        await using var _ = context;
        var page = await context.NewPageAsync();
        var shot = 0;
        async Task Screenshot(string name) => await Screenshots.TakeAsync(page, $"quiz-{culture}-{++shot:00}-{name}");
        var item = site.Catalog.BySlug(culture, ContentTypeNames.Quiz, "urban-activist")!;
        var quiz = item.MetadataAs<QuizMetadata>();
        var lessonUrl = $"/{culture}/courses/grassroots/urban-activist";

        // From the lesson to its quiz.
        await BrowserSite.OpenAsync(page, lessonUrl);
        Assert.Equal(0, await page.Locator("main #done.done-mark").CountAsync());
        await FollowAsync(page, page.Locator("main .quiz-box a.button"));
        Assert.Equal(item.Title, await H1Async(page));
        await AssertAccessibleAsync(page, "the quiz page");
        await Screenshot("intro");

        // First attempt: every answer wrong.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = T(culture, "Start the quiz") }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/attempts/", StringComparison.Ordinal));
        Assert.Equal(quiz.Questions.Count, await page.Locator("fieldset.question").CountAsync());
        await AssertAccessibleAsync(page, "an open attempt");
        await QuizAnswers.FillAsync(page, quiz, right: false);
        await Screenshot("wrong-answers");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = T(culture, "Submit my answers") }).ClickAsync();
        await page.WaitForLoadStateAsync();

        var result = page.Locator("#result");
        Assert.Equal(Normalize(T(culture, "Not passed yet: {0}%", 0)), Normalize(await result.Locator("h2").InnerTextAsync()));
        Assert.Equal(quiz.Questions.Count, await page.Locator("fieldset.question-wrong").CountAsync());
        var main = Normalize(await page.Locator("main").InnerTextAsync());
        foreach (var question in quiz.Questions)
        {
            Assert.Contains(Normalize(question.Explanation!), main);
            foreach (var option in question.Options) Assert.Contains(Normalize(option.Explanation), main);
        }
        await AssertAccessibleAsync(page, "a failed attempt's review");
        await Screenshot("failed-review");

        // Second attempt: every answer right.
        var firstAttempt = page.Url;
        await result.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = T(culture, "Try again") }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/attempts/", StringComparison.Ordinal) && !url.StartsWith(firstAttempt.Split('#')[0], StringComparison.Ordinal));
        await page.WaitForLoadStateAsync();
        Assert.Equal(0, await page.Locator("fieldset.question-wrong").CountAsync());
        await QuizAnswers.FillAsync(page, quiz, right: true);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = T(culture, "Submit my answers") }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal(Normalize(T(culture, "Passed: {0}%", 100)), Normalize(await page.Locator("#result h2").InnerTextAsync()));
        Assert.Equal(quiz.Questions.Count, await page.Locator("fieldset.question-right").CountAsync());
        await AssertAccessibleAsync(page, "a passed attempt's review");
        await Screenshot("passed-review");

        // Back to the lesson: done.
        await FollowAsync(page, page.Locator($"#result a[href='{lessonUrl}']"));
        Assert.True(await page.Locator("main #done.done-mark").IsVisibleAsync(), "The lesson does not show as done after its quiz was passed");
        await Screenshot("lesson-done");
    }

    /// <summary>
    /// axe-core is a script, and the journey runs with scripts off: the same page, with the same
    /// cookies, is opened in a second browser context that runs scripts, and checked there.
    /// </summary>
    private async Task AssertAccessibleAsync(IPage page, string what)
    {
        var state = await page.Context.StorageStateAsync();
        var checking = await site.NewContextAsync(new BrowserNewContextOptions { StorageState = state });
        await using var __ = checking;
        var copy = await checking.NewPageAsync();
        await copy.GotoAsync(page.Url);
        var result = await copy.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe-core checked nothing on {what}");
        var blocking = result.Violations.Where(v => v.Impact is not null && Blocking.Contains(v.Impact)).Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Target))})").ToList();
        Assert.True(blocking.Count == 0, $"axe-core on {what}: {string.Join("; ", blocking)}");
    }
}
