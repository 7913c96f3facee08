using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

/// <summary>
/// A public page carries an entity tag, and a browser or proxy that already holds the page gets a
/// bodiless 304; the tag moves when the page changes. A page that is someone's own never has one.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class EntityTagTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    [Theory]
    [InlineData("/ru/glossary")]
    [InlineData("/kk/courses/grassroots/urban-activist")]
    [InlineData("/ru/summaries/intro-session-grassroots")]
    public async Task A_public_page_answers_a_request_that_holds_its_tag_with_304_and_no_body(string path)
    {
        using var first = await Site.Client.GetAsync(path);
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(tag!.IsWeak, "the same tag stands for the compressed and uncompressed body, so it must be weak");

        // Served from the page cache, then rendered anew (a query the cache does not keep), then asked by HEAD.
        foreach (var (method, asked) in new[] { (HttpMethod.Get, path), (HttpMethod.Get, path + "?utm_source=mail"), (HttpMethod.Head, path) })
        {
            using var again = await SendAsync(method, asked, tag.Tag, weak: tag.IsWeak);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
            Assert.Equal(tag, again.Headers.ETag);
            Assert.Contains("Accept-Encoding", again.Headers.Vary);
        }
    }

    [Fact]
    public async Task A_stale_or_foreign_tag_gets_the_whole_page()
    {
        using var response = await SendAsync(HttpMethod.Get, "/ru/glossary", "\"0123456789abcdef0123456789abcdef\"", weak: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_same_page_in_the_latin_alphabet_has_a_tag_of_its_own()
    {
        using var cyrillic = await Site.Client.GetAsync("/kk/glossary");
        using var reader = Site.NewClient();
        await reader.GetAsync("/kk/script/latn?return=/kk/glossary");

        using var latin = await reader.GetAsync("/kk/glossary");

        Assert.NotNull(latin.Headers.ETag);
        Assert.NotEqual(cyrillic.Headers.ETag, latin.Headers.ETag);
    }

    [Fact]
    public async Task A_signed_in_readers_pages_carry_no_tag_and_are_never_answered_304()
    {
        var email = await AddressStates.MakeAsync(Site, "registered");
        using var reader = Site.NewClient();
        await AddressStates.SignInAsync(reader, email, AddressStates.Password);

        foreach (var path in new[] { "/ru/glossary", "/ru/courses/grassroots/urban-activist", "/ru/account", "/ru/my" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("If-None-Match", "*");
            using var response = await reader.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.ETag);
            Assert.True(response.Headers.CacheControl!.NoStore, $"{path} may be stored");
        }
    }

    [Fact]
    public async Task A_learners_own_progress_and_a_page_with_a_form_carry_no_tag()
    {
        using var learner = Site.NewClient();
        await learner.PostAsync("/ru/courses/grassroots/urban-activist/done", new FormUrlEncodedContent([]));

        using var progress = await learner.GetAsync("/ru/courses/grassroots");
        using var form = await Site.Client.GetAsync("/ru/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, progress.StatusCode);
        Assert.Null(progress.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Null(form.Headers.ETag);
    }

    [Fact]
    public async Task Theme_assets_have_hashed_addresses_a_year_of_cache_and_answer_304()
    {
        var (_, page) = await Html.GetAsync(Site.Client, "/ru/");
        var assets = page.QuerySelectorAll("link[rel=stylesheet], link[rel=icon], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .ToList();
        Assert.True(assets.Count >= 4, string.Join(", ", assets));

        foreach (var asset in assets)
        {
            Assert.Matches(@"^/assets/[\w.-]+\?v=[0-9a-f]{12}$", asset);
            using var response = await Site.Client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl!.MaxAge);
            Assert.Contains(response.Headers.CacheControl.Extensions, e => e.Name == "immutable");
            var tag = response.Headers.ETag!;
            Assert.True(tag.IsWeak);
            using var again = await SendAsync(HttpMethod.Get, asset, tag.Tag, weak: true);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        }
    }

    [Fact]
    public async Task A_publish_changes_the_tag_of_the_pages_it_changes()
    {
        await using var site = await TestSite.StartAsync();
        const string path = "/ru/courses/grassroots/urban-activist";
        using var before = await site.Client.GetAsync(path);
        var old = before.Headers.ETag!;
        var lesson = site.Services.GetRequiredService<PublishedContent>().Current.BySlug("ru", ContentTypeNames.Lesson, "urban-activist")!;

        await using (var scope = site.Services.CreateAsyncScope())
        {
            var publishing = scope.ServiceProvider.GetRequiredService<ContentPublishing>();
            Assert.True(await publishing.ReviseAsync(new ContentKey("ru", ContentTypeNames.Lesson, lesson.TranslationKey), "Кто такой городской активист сегодня", lesson.Body, "editor", publish: true));
        }

        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(old);
        using var after = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Кто такой городской активист сегодня", await after.Content.ReadAsStringAsync());
        Assert.NotNull(after.Headers.ETag);
        Assert.NotEqual(old, after.Headers.ETag);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string tag, bool weak)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(tag, weak));
        return Site.Client.SendAsync(request);
    }
}
