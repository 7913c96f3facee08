using System.Globalization;
using System.Text.RegularExpressions;
using MyAlmaty.Learn.BrowserTests.Support;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Courses;
using static MyAlmaty.Learn.BrowserTests.Support.PageFacts;

namespace MyAlmaty.Learn.BrowserTests;

/// <summary>A reader's way through the site in a real browser: home, course, lesson, glossary, session summary.</summary>
public sealed class ReadingJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task A_Russian_browser_switches_to_Kazakh_and_reads_a_lesson_a_term_and_a_session_summary()
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU" });
        await using var _ = context;
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("/ru/", PathOf(page));
        Assert.Equal("ru", await LangAsync(page));
        await Screenshots.TakeAsync(page, "journey-kk-1-home-ru");

        await FollowAsync(page, page.Locator("header a[hreflang='kk']").First);
        Assert.Equal("/kk/", PathOf(page));
        Assert.Equal("kk", await LangAsync(page));
        await Screenshots.TakeAsync(page, "journey-kk-2-home");

        var (course, courseUrl) = await OpenFirstCourseAsync(page, "kk");
        await Screenshots.TakeAsync(page, "journey-kk-3-course");

        var lessonUrl = await OpenLessonFromOutlineAsync(page, course, courseUrl, "kk", position: 2);
        await Screenshots.TakeAsync(page, "journey-kk-4-lesson");

        var termLink = page.Locator("main a.term").First;
        Assert.True(await termLink.CountAsync() == 1, $"The lesson {lessonUrl} has no glossary link (a.term) in its text");
        var termUrl = (await termLink.GetAttributeAsync("href"))!;
        Assert.StartsWith("/kk/glossary/", termUrl);
        await FollowAsync(page, termLink);
        var term = Item("kk", ContentTypeNames.GlossaryTerm, SlugOf(termUrl));
        Assert.Equal(term.Title, await H1Async(page));
        Assert.Equal("kk", await LangAsync(page));
        await Screenshots.TakeAsync(page, "journey-kk-5-term");

        await FollowAsync(page, page.Locator("header a[href='/kk/summaries']"));
        Assert.Equal("kk", await LangAsync(page));
        await Screenshots.TakeAsync(page, "journey-kk-6-summaries");

        // The list's own links; the feed's link declares its type.
        var summaryLink = page.Locator("main a[href^='/kk/summaries/']:not([type])").First;
        Assert.True(await summaryLink.CountAsync() == 1, "The list of session summaries links to no summary");
        var summary = Item("kk", ContentTypeNames.SessionSummary, SlugOf((await summaryLink.GetAttributeAsync("href"))!));
        Assert.Equal(summary.Title, Normalize(await summaryLink.InnerTextAsync()));
        await FollowAsync(page, summaryLink);
        Assert.Equal(summary.Title, await H1Async(page));
        await Screenshots.TakeAsync(page, "journey-kk-7-summary");
    }

    [Fact]
    public async Task In_Russian_a_glossary_link_in_a_lesson_shows_its_definition_on_keyboard_focus_and_on_hover()
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions { Locale = "ru-RU" });
        await using var _ = context;
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("/ru/", PathOf(page));
        var (course, courseUrl) = await OpenFirstCourseAsync(page, "ru");
        var lessonUrl = await OpenLessonFromOutlineAsync(page, course, courseUrl, "ru", position: 2);

        var link = page.Locator("main a.term").First;
        Assert.True(await link.CountAsync() == 1, $"The lesson {lessonUrl} has no glossary link (a.term) in its text");
        var term = Item("ru", ContentTypeNames.GlossaryTerm, SlugOf((await link.GetAttributeAsync("href"))!));
        var definition = Normalize(term.MetadataAs<GlossaryTermMetadata>().Definition);
        Assert.False(string.IsNullOrEmpty(definition));
        Assert.Equal(definition, await link.GetAttributeAsync("data-definition"));

        // A keyboard user reaches the link with Tab, as anyone would.
        var reached = false;
        for (var presses = 0; presses < 200 && !reached; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await link.EvaluateAsync<bool>("el => el === document.activeElement");
        }
        Assert.True(reached, "The glossary link could not be reached with the Tab key");
        await Screenshots.TakeAsync(page, "tooltip-ru-focus");
        await AssertTooltipShowsAsync(link, definition, "on keyboard focus");

        await link.BlurAsync();
        await link.HoverAsync();
        await Screenshots.TakeAsync(page, "tooltip-ru-hover");
        await AssertTooltipShowsAsync(link, definition, "on hover");
    }

    [Fact]
    public async Task A_lesson_reads_and_pages_without_JavaScript()
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false, Locale = "ru-RU" });
        await using var _ = context;
        var page = await context.NewPageAsync();

        var courseUrl = "/ru/courses/smart-city";
        await BrowserSite.OpenAsync(page, courseUrl);
        var outline = await OutlineAsync(page, courseUrl);
        Assert.True(outline.Count >= 3, $"{courseUrl} lists {outline.Count} lessons; the test needs a lesson with both a previous and a next one");

        await FollowAsync(page, page.Locator($"main li a[href='{outline[1]}']").First);
        await AssertLessonIsReadableAsync(page, outline[1]);
        await Screenshots.TakeAsync(page, "nojs-ru-lesson");

        var next = page.Locator("a[rel='next']");
        Assert.Equal(outline[2], await next.GetAttributeAsync("href"));
        await FollowAsync(page, next);
        await AssertLessonIsReadableAsync(page, outline[2]);

        await FollowAsync(page, page.Locator("a[rel='prev']"));
        Assert.Equal(outline[1], PathOf(page));
        await FollowAsync(page, page.Locator("a[rel='prev']"));
        await AssertLessonIsReadableAsync(page, outline[0]);
        Assert.Equal(0, await page.Locator("a[rel='prev']").CountAsync());
    }

    private PublishedItem Item(string culture, string type, string slug)
    {
        var item = site.Catalog.BySlug(culture, type, slug);
        Assert.True(item is not null, $"No published {type} «{slug}» in {culture}");
        return item!;
    }

    /// <summary>From the home page, the first course card.</summary>
    private async Task<(PublishedItem Course, string Url)> OpenFirstCourseAsync(IPage page, string culture)
    {
        var link = page.Locator($"main a[href^='/{culture}/courses/']").First;
        Assert.True(await link.CountAsync() == 1, $"The {culture} home page links to no course");
        var url = (await link.GetAttributeAsync("href"))!;
        await FollowAsync(page, link);
        var course = Item(culture, ContentTypeNames.Course, SlugOf(url));
        Assert.Equal(course.Title, await H1Async(page));
        return (course, url);
    }

    /// <summary>The lesson addresses of the course outline, in order.</summary>
    private static async Task<IReadOnlyList<string>> OutlineAsync(IPage page, string courseUrl)
    {
        var hrefs = await page.Locator($"main li a[href^='{courseUrl}/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return hrefs.Distinct().ToList();
    }

    /// <summary>Opens the lesson at <paramref name="position"/> (1-based) of the outline and checks what a lesson page must show.</summary>
    private async Task<string> OpenLessonFromOutlineAsync(IPage page, PublishedItem course, string courseUrl, string culture, int position)
    {
        var outline = await OutlineAsync(page, courseUrl);
        Assert.True(outline.Count >= position, $"The outline of {courseUrl} lists {outline.Count} lessons, fewer than {position}");
        var url = outline[position - 1];
        var entry = page.Locator("main li").Filter(new LocatorFilterOptions { Has = page.Locator($"a[href='{url}']") }).Last;
        var outlineMinutes = Minutes(await entry.InnerTextAsync());

        await FollowAsync(page, page.Locator($"main li a[href='{url}']").First);
        Assert.Equal(culture, await LangAsync(page));
        var lesson = Item(culture, ContentTypeNames.Lesson, SlugOf(url));
        Assert.Equal(lesson.Title, await H1Async(page));

        // The course it belongs to, by name and link.
        var courseLink = page.Locator($"a[href='{courseUrl}']").Filter(new LocatorFilterOptions { HasText = course.Title });
        Assert.True(await courseLink.CountAsync() > 0, $"The lesson page does not name its course «{course.Title}» with a link to {courseUrl}");

        var main = Normalize(await page.Locator("main").InnerTextAsync());

        // «Урок 2 из 5» / «2-сабақ, барлығы 5»: this lesson's place among all of the course's.
        var word = culture == "kk" ? "сабақ" : "урок";
        var placeLine = Regex.Match(main, $@"[^.\n]*{word}[^.\n]*", RegexOptions.IgnoreCase);
        Assert.True(placeLine.Success, $"The lesson page shows no position line with «{word}»");
        var numbers = Regex.Matches(placeLine.Value, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.True(numbers.Count >= 2 && numbers[0] == position && numbers[1] == outline.Count,
            $"The position line «{placeLine.Value}» should say lesson {position} of {outline.Count}");

        // Reading time, the same number of minutes as in the outline.
        var readingLabel = culture == "kk" ? "Оқу уақыты" : "Время чтения";
        var reading = Regex.Match(main, $@"{readingLabel}:?\s*(\d+)\s*минут");
        Assert.True(reading.Success, $"The lesson page shows no reading time («{readingLabel}: N минут»)");
        Assert.Equal(outlineMinutes, int.Parse(reading.Groups[1].Value, CultureInfo.InvariantCulture));

        // The key takeaways box with every takeaway of the lesson.
        var takeawaysTitle = culture == "kk" ? "Негізгі түйіндер" : "Главное из урока";
        var heading = page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = takeawaysTitle, Exact = true });
        Assert.True(await heading.CountAsync() == 1 && await heading.IsVisibleAsync(), $"The lesson page shows no «{takeawaysTitle}» box");
        var box = heading.Locator("xpath=..");
        var takeaways = lesson.MetadataAs<LessonMetadata>().Takeaways;
        Assert.NotEmpty(takeaways);
        var shown = (await box.Locator("li").AllInnerTextsAsync()).Select(Normalize).ToList();
        Assert.Equal(takeaways.Select(Normalize), shown);
        return url;
    }

    private async Task AssertLessonIsReadableAsync(IPage page, string url)
    {
        Assert.Equal(url, PathOf(page));
        var lesson = Item("ru", ContentTypeNames.Lesson, SlugOf(url));
        Assert.Equal(lesson.Title, await H1Async(page));
        var paragraphs = new List<ILocator>();
        foreach (var paragraph in await page.Locator("main p").AllAsync())
        {
            if ((await paragraph.TextContentAsync() ?? "").Trim().Length >= 80) paragraphs.Add(paragraph);
        }
        Assert.True(paragraphs.Count >= 3, $"{url} has fewer than three paragraphs of text");
        foreach (var paragraph in paragraphs)
        {
            Assert.True(await paragraph.IsVisibleAsync(), $"A paragraph of {url} is not visible: «{await paragraph.TextContentAsync()}»");
            var opacity = await paragraph.EvaluateAsync<string>("p => getComputedStyle(p).opacity");
            Assert.True(opacity != "0", $"A paragraph of {url} is transparent without JavaScript");
        }
        foreach (var takeaway in lesson.MetadataAs<LessonMetadata>().Takeaways)
        {
            Assert.True(await page.GetByText(takeaway, new PageGetByTextOptions { Exact = true }).IsVisibleAsync(), $"The takeaway «{takeaway}» is not visible on {url}");
        }
    }

    /// <summary>The CSS tooltip: a.term::after with content: attr(data-definition), rendered and not hidden.</summary>
    private static async Task AssertTooltipShowsAsync(ILocator link, string definition, string when)
    {
        TooltipStyle? style = null;
        var expected = "\"" + definition.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        for (var attempt = 0; attempt < 20; attempt++)
        {
            style = await link.EvaluateAsync<TooltipStyle>(
                "el => { const s = getComputedStyle(el, '::after'); return { content: s.content, display: s.display, visibility: s.visibility, opacity: s.opacity }; }");
            if (style.Content == expected && style.Display != "none" && style.Visibility == "visible" && style.Opacity != "0") return;
            await Task.Delay(50);
        }
        Assert.Fail($"The definition tooltip is not shown {when}: a.term::after has content {style!.Content}, display {style.Display}, " +
                    $"visibility {style.Visibility}, opacity {style.Opacity}; expected content {expected}");
    }

    private sealed class TooltipStyle
    {
        public string Content { get; set; } = "";
        public string Display { get; set; } = "";
        public string Visibility { get; set; } = "";
        public string Opacity { get; set; } = "";
    }

    private static int Minutes(string text)
    {
        var match = Regex.Match(text, @"(\d+)\s*минут");
        Assert.True(match.Success, $"No minutes in «{Normalize(text)}»");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
