using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using MyAlmaty.Learn.BrowserTests.Support;
using MyAlmaty.Learn.Courses;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Tests.Support;
using Xunit.Abstractions;
using static MyAlmaty.Learn.BrowserTests.Support.PageFacts;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>
/// A newcomer's whole way in a real browser: reads lessons anonymously, signs up with an emailed link
/// (the lessons read so far are kept), finishes the course, opens the certificate; then a stranger,
/// in a browser of their own, checks the certificate's code.
/// </summary>
public sealed partial class LearnerJourneyTests(BrowserSite site, ITestOutputHelper output) : IClassFixture<BrowserSite>
{
    private static readonly HashSet<string> Blocking = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    /// <summary>Letters Kazakh has and Russian has not.</summary>
    [GeneratedRegex("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")]
    private static partial Regex KazakhLetter();

    [GeneratedRegex("[а-яё]", RegexOptions.IgnoreCase)]
    private static partial Regex CyrillicLetter();

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task A_newcomer_reads_two_lessons_signs_up_by_emailed_link_keeps_them_finishes_the_course_and_a_stranger_verifies_the_certificate(string culture)
    {
        var clock = Stopwatch.StartNew();
        var email = $"learner-{culture}-{Guid.NewGuid():N}@example.org";
        var shot = 0;
        async Task Screenshot(IPage p, string name) => await Screenshots.TakeAsync(p, $"learner-{culture}-{++shot:00}-{name}");

        var context = await site.NewContextAsync(new BrowserNewContextOptions { Locale = culture == "kk" ? "kk-KZ" : "ru-RU" });
        await using var _ = context;
        var page = await context.NewPageAsync();

        // 1. Anonymously: the course list, the first course, its first lesson; two lessons marked read.
        await BrowserSite.OpenAsync(page, $"/{culture}/courses");
        var courseLink = page.Locator($"main .course-card a[href^='/{culture}/courses/']").First;
        Assert.True(await courseLink.CountAsync() == 1, $"/{culture}/courses links to no course");
        var courseUrl = (await courseLink.GetAttributeAsync("href"))!;
        await FollowAsync(page, courseLink);
        var course = site.Site.Services.GetRequiredService<CourseCatalog>().Course(culture, SlugOf(courseUrl));
        Assert.True(course is not null, $"{courseUrl} is no published {culture} course");
        var title = course!.Course.Title;
        Assert.Equal(title, await H1Async(page));
        var lessons = course.Lessons.Select(l => CourseRoutes.LessonUrl(course.Course, l)).ToList();
        Assert.True(lessons.Count >= 3, $"{courseUrl} has {lessons.Count} lessons; the journey needs at least three (two read before signing up, one after)");
        Assert.Equal(lessons, await OutlineAsync(page, courseUrl));
        await Screenshot(page, "course-anonymous");

        await FollowAsync(page, page.Locator($"main .lesson-list a[href='{lessons[0]}']"));
        Assert.Equal(course.Lessons[0].Title, await H1Async(page));
        await Screenshot(page, "lesson-1");
        await MarkReadAsync(page, lessons[0], lessons[1]);
        Assert.Equal(course.Lessons[1].Title, await H1Async(page));
        await MarkReadAsync(page, lessons[1], lessons[2]);
        await Screenshot(page, "lesson-3-after-two-read");

        // 2. Signing up by a one-time link, from the header's sign-in link.
        await FollowAsync(page, page.Locator($"header a[href='/{culture}/account/sign-in']"));
        Assert.Equal(T(culture, "Signing in"), await H1Async(page));
        Assert.Equal(culture, await LangAsync(page));
        await Screenshot(page, "sign-in");
        await AssertAccessibleAsync(page, "the sign-in page");

        var linkForm = page.Locator($"main form[action='/{culture}/account/link']");
        Assert.True(await linkForm.CountAsync() == 1, $"The sign-in page has no password-less link form posting to /{culture}/account/link");
        await linkForm.Locator("input[name='email']").FillAsync(email);
        await SubmitAsync(page, linkForm.Locator("button[type='submit']"), $"/{culture}/account/link");
        Assert.Equal(T(culture, "Check your email"), await H1Async(page));
        Assert.Equal(culture, await LangAsync(page));
        Assert.Contains(email, await page.Locator("main").InnerTextAsync());
        await Screenshot(page, "check-email");
        await AssertAccessibleAsync(page, "the check-email page");

        var messages = await Mailbox.WaitForAsync(site.Site.MailFolder, email);
        Assert.True(messages.Count == 1, $"Expected one email to {email} in {site.Site.MailFolder}, found {messages.Count}");
        var message = messages[0];
        AssertEmailLanguage(message, culture);
        var link = Mailbox.LinkIn(message);
        Assert.StartsWith($"/{culture}/account/link/", link);

        await BrowserSite.OpenAsync(page, link);
        Assert.Equal(T(culture, "Signing in"), await H1Async(page));
        await Screenshot(page, "link-landing");
        var confirm = page.Locator($"main form[action^='/{culture}/account/link/'] button[type='submit']");
        Assert.Equal(T(culture, "Sign in"), Normalize(await confirm.InnerTextAsync()));
        await SubmitAsync(page, confirm, $"/{culture}/my");
        Assert.Equal(T(culture, "My learning"), await H1Async(page));
        Assert.True(await page.Locator($"header form[action='/{culture}/account/sign-out']").CountAsync() == 1, "After the link, the header offers no sign-out: not signed in");
        Assert.Equal(0, await page.Locator($"header a[href='/{culture}/account/sign-in']").CountAsync());
        Assert.Equal(0, await page.Locator("main .keep-box").CountAsync());

        // 3. The two lessons read before signing up count: on the dashboard and on the course page.
        // The course's steps are its lessons and its final quiz.
        var steps = lessons.Count + 1;
        var percent = 200 / steps;
        var inProgress = page.Locator("section[aria-labelledby='my-in-progress'] .progress-card")
            .Filter(new LocatorFilterOptions { Has = page.Locator($"a[href='{courseUrl}']") });
        Assert.True(await inProgress.CountAsync() == 1, $"«{title}» is not among the courses in progress on the dashboard");
        Assert.Equal(T(culture, "{0}% done", percent), Normalize(await inProgress.Locator(".progress-text").InnerTextAsync()));
        Assert.Equal(percent.ToString(System.Globalization.CultureInfo.InvariantCulture), await inProgress.Locator("progress").GetAttributeAsync("value"));
        Assert.Equal(lessons[2], await inProgress.Locator(".card-action a").GetAttributeAsync("href"));
        await Screenshot(page, "dashboard-in-progress");
        await AssertAccessibleAsync(page, "the dashboard with a course in progress");

        await FollowAsync(page, inProgress.Locator($"a[href='{courseUrl}']"));
        Assert.Equal(title, await H1Async(page));
        Assert.Equal(Normalize(T(culture, "Done: {0} of {1} (lessons and the final quiz), {2}%", 2, steps, percent)), Normalize(await page.Locator("#course-progress").InnerTextAsync()));
        var marks = await DoneMarksAsync(page, lessons);
        Assert.Equal(Enumerable.Range(0, lessons.Count).Select(i => i < 2), marks);
        await Screenshot(page, "course-two-done");

        // 4. «Continue», and every remaining lesson marked read.
        var next = page.Locator("main .actions a.button").Filter(new LocatorFilterOptions { HasText = T(culture, "Continue") }).First;
        Assert.Equal(lessons[2], await next.GetAttributeAsync("href"));
        await FollowAsync(page, next);
        for (var i = 2; i < lessons.Count; i++)
        {
            Assert.Equal(course.Lessons[i].Title, await H1Async(page));
            await MarkReadAsync(page, lessons[i], i + 1 < lessons.Count ? lessons[i + 1] : lessons[i]);
        }
        Assert.True(await page.Locator("main p.lesson-state.done-mark").IsVisibleAsync(), "The last lesson, marked read, does not say it is done");
        Assert.Equal(0, await page.Locator("main .complete-box").CountAsync());

        // The final quiz, offered on the last lesson, completes the course.
        await FollowAsync(page, page.Locator("main .quiz-box a.button").Last);
        var finalQuiz = site.Catalog.BySlug(culture, Content.Types.ContentTypeNames.Quiz, SlugOf(PathOf(page)))!;
        Assert.Equal(course.FinalQuiz?.TranslationKey, finalQuiz.TranslationKey);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = T(culture, "Start the quiz") }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/attempts/", StringComparison.Ordinal));
        await QuizAnswers.FillAsync(page, finalQuiz.MetadataAs<Quizzes.QuizMetadata>(), right: true);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = T(culture, "Submit my answers") }).ClickAsync();
        await page.WaitForLoadStateAsync();
        Assert.Equal(Normalize(T(culture, "Passed: {0}%", 100)), Normalize(await page.Locator("#result h2").InnerTextAsync()));
        await Screenshot(page, "final-quiz-passed");
        await BrowserSite.OpenAsync(page, lessons[^1]);
        var completeBox = page.Locator("main .complete-box");
        Assert.True(await completeBox.IsVisibleAsync(), "The last lesson of a finished course shows no «You have finished the course!» box");
        // A link sign-up gave no name, and the certificate never prints the email: the box asks for a name.
        Assert.True(await completeBox.Locator($"a[href^='/{culture}/certificates/']").CountAsync() == 0, "A certificate was issued before the learner gave a name to print");
        await Screenshot(page, "course-finished");
        await FollowAsync(page, completeBox.Locator($"a[href^='/{culture}/account']"));
        var name = culture == "kk" ? "Әлия Нұрланқызы" : "Анна Ким";
        await page.Locator("#profile-certificate-name").FillAsync(name);
        await page.Locator($"form[action='/{culture}/account'] button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync();

        // 5. The certificate, from the dashboard.
        await FollowAsync(page, page.Locator($"header a[href='/{culture}/my']"));
        Assert.Equal(0, await page.Locator("section[aria-labelledby='my-in-progress']").Filter(new LocatorFilterOptions { Has = page.Locator($"a[href='{courseUrl}']") }).CountAsync());
        var finished = page.Locator("section[aria-labelledby='my-finished'] .progress-card").Filter(new LocatorFilterOptions { Has = page.Locator($"a[href='{courseUrl}']") });
        Assert.True(await finished.CountAsync() == 1, $"«{title}» is not among the finished courses on the dashboard");
        var certificateLink = finished.Locator($"a[href^='/{culture}/certificates/']");
        Assert.True(await certificateLink.CountAsync() == 1, "The finished course's card on the dashboard links to no certificate");
        await Screenshot(page, "dashboard-finished");
        await AssertAccessibleAsync(page, "the dashboard with a finished course");

        var certificateUrl = (await certificateLink.GetAttributeAsync("href"))!;
        await FollowAsync(page, certificateLink);
        Assert.Equal(culture, await LangAsync(page));
        await H1Async(page);
        // The heading is set in capitals by CSS; its text is the word itself.
        Assert.Equal(T(culture, "Certificate"), Normalize(await page.Locator("h1").TextContentAsync() ?? ""));
        Assert.Equal($"«{title}»", Normalize(await page.Locator("main .certificate-course").InnerTextAsync()));
        var printedName = Normalize(await page.Locator("main .certificate-name").InnerTextAsync());
        Assert.Equal(name, printedName);
        var code = Normalize(await page.Locator("main .certificate-facts .code").InnerTextAsync());
        Assert.Matches("^MA(-[A-Z0-9]{4}){3}$", code);
        Assert.Equal(SlugOf(certificateUrl), code);
        Assert.Equal(0, await page.Locator("main .revoked-banner").CountAsync());
        await Screenshot(page, "certificate");
        await AssertAccessibleAsync(page, "the certificate page");

        // 6. A stranger with no cookies checks the code.
        var strangerContext = await site.NewContextAsync(new BrowserNewContextOptions { Locale = culture == "kk" ? "kk-KZ" : "ru-RU" });
        await using var __ = strangerContext;
        var stranger = await strangerContext.NewPageAsync();
        await BrowserSite.OpenAsync(stranger, $"/{culture}/verify");
        Assert.Equal(T(culture, "Check a certificate"), await H1Async(stranger));
        Assert.Equal(0, await stranger.Locator("main .result-box").CountAsync());
        var codeField = stranger.GetByLabel(T(culture, "Certificate code"), new PageGetByLabelOptions { Exact = true });
        await codeField.PressSequentiallyAsync(code);
        await SubmitAsync(stranger, stranger.Locator($"main form[action='/{culture}/verify'] button[type='submit']"), $"/{culture}/verify");
        Assert.Equal(code, new Uri(stranger.Url).Query.TrimStart('?').Split('&').Select(Uri.UnescapeDataString).Single(p => p.StartsWith("code=", StringComparison.Ordinal))["code=".Length..]);
        var result = stranger.Locator("main .result-box");
        Assert.True(await result.CountAsync() == 1, "The check shows no result");
        Assert.Contains("result-valid", await result.GetAttributeAsync("class") ?? "");
        Assert.Equal(T(culture, "The certificate is genuine"), Normalize(await result.Locator("h2").InnerTextAsync()).TrimStart('✓', ' '));
        var facts = Normalize(await result.InnerTextAsync());
        Assert.Contains(title, facts);
        Assert.Contains(code, facts);
        Assert.Contains(printedName, facts);
        await Screenshot(stranger, "verified");
        await AssertAccessibleAsync(stranger, "the certificate check result");

        output.WriteLine($"{culture}: «{title}», {lessons.Count} lessons, certificate {code}; the journey took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private string T(string culture, string msgid, params object[] args) =>
        site.Site.Services.GetRequiredService<UiStrings>().Get(culture, msgid, args);

    /// <summary>The lesson addresses of the course outline, in order.</summary>
    private static async Task<IReadOnlyList<string>> OutlineAsync(IPage page, string courseUrl) =>
        (await page.Locator($"main .lesson-list a[href^='{courseUrl}/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))")).ToList();

    /// <summary>For each lesson of the outline, whether its entry carries the done mark.</summary>
    private static async Task<bool[]> DoneMarksAsync(IPage page, IReadOnlyList<string> lessons)
    {
        var marks = new bool[lessons.Count];
        for (var i = 0; i < lessons.Count; i++)
        {
            var entry = page.Locator("main .lesson-list li").Filter(new LocatorFilterOptions { Has = page.Locator($"a[href='{lessons[i]}']") });
            var check = entry.Locator(".lesson-check");
            marks[i] = await check.CountAsync() == 1 && await check.IsVisibleAsync();
        }
        return marks;
    }

    /// <summary>Presses «Mark as read» on <paramref name="lesson"/> and waits to arrive at <paramref name="then"/>.</summary>
    private static async Task MarkReadAsync(IPage page, string lesson, string then)
    {
        Assert.Equal(lesson, PathOf(page));
        var form = page.Locator("main form.lesson-state");
        Assert.True(await form.CountAsync() == 1, $"{lesson} has no «mark as read» form (.lesson-state)");
        Assert.Equal($"{lesson}/done", await form.GetAttributeAsync("action"));
        await SubmitAsync(page, form.Locator("button[type='submit']"), then);
    }

    /// <summary>Clicks a form's button and waits until the browser shows the page at <paramref name="path"/>, answered 200.</summary>
    private static async Task SubmitAsync(IPage page, ILocator button, string path)
    {
        // A redirect (after marking a lesson read, after the link's button) is not the arrival; the page it leads to is.
        var arrival = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && new Uri(r.Url).AbsolutePath == path && r.Status is < 300 or >= 400);
        await button.ClickAsync();
        var response = await arrival;
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.True(response.Status == 200, $"{response.Request.Method} {new Uri(response.Url).PathAndQuery} answered {response.Status} {response.StatusText}");
    }

    /// <summary>The email is written in the page's language: Kazakh letters for kk, Russian without them for ru.</summary>
    private static void AssertEmailLanguage(MimeMessage message, string culture)
    {
        var subject = message.Subject ?? "";
        var body = message.TextBody ?? "";
        foreach (var (part, text) in new[] { ("subject", subject), ("text body", body) })
        {
            Assert.True(CyrillicLetter().IsMatch(text), $"The email's {part} is not in Cyrillic: «{text}»");
            if (culture == "kk")
            {
                Assert.True(KazakhLetter().IsMatch(text), $"The email's {part} has no Kazakh letter (ә, ғ, қ, ң, ө, ұ, ү, һ, і), so it is not in Kazakh: «{text}»");
            }
            else
            {
                Assert.False(KazakhLetter().IsMatch(text), $"The email's {part} has Kazakh letters, though it should be in Russian: «{text}»");
            }
        }
        Assert.Contains($"lang=\"{culture}\"", message.HtmlBody ?? "");
        Assert.Equal(culture, message.Body?.Headers[HeaderId.ContentLanguage]);
    }

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        Assert.True(result.Passes.Length > 0, $"axe-core checked nothing on {what}");
        var blocking = result.Violations.Where(v => v.Impact is not null && Blocking.Contains(v.Impact)).ToList();
        Assert.True(blocking.Count == 0, Describe($"{what} ({new Uri(page.Url).PathAndQuery})", blocking));
    }

    private static string Describe(string where, IReadOnlyList<AxeResultItem> violations)
    {
        var text = new StringBuilder($"{violations.Count} serious or critical axe-core violation(s) on {where}:");
        foreach (var violation in violations)
        {
            text.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
            {
                text.Append($"\n    {node.Target}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                var reason = string.Join("; ", checks.Distinct());
                if (reason.Length > 0) text.Append("  — ").Append(Normalize(reason));
            }
        }
        return text.ToString();
    }
}
