using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Learners;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;

namespace MyAlmaty.Learn.Tests.Search;

/// <summary>The search page and its instant results, as a reader uses them over HTTP.</summary>
[Collection(SiteCollection.Name)]
public sealed class SearchPageTests(SiteFixture fixture)
{
    private TestSite Site => fixture.Site;

    private static string Q(string text) => Uri.EscapeDataString(text);

    private async Task<IDocument> PageAsync(string path)
    {
        var (response, page) = await Html.GetAsync(Site.Client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return page;
    }

    private static IReadOnlyList<IElement> Results(IDocument page) => [.. page.QuerySelectorAll("li.search-result")];

    [Fact]
    public async Task Results_show_marked_words_a_count_and_a_filter_per_type()
    {
        var page = await PageAsync($"/ru/search?q={Q("инициатив")}");

        Assert.NotEmpty(Results(page));
        Assert.NotNull(page.QuerySelector("li.search-result mark"));
        var filters = page.QuerySelectorAll("nav.search-filters a").ToList();
        var all = Count(filters.Single(f => f.GetAttribute("data-type") == ""));
        Assert.Equal(all, filters.Where(f => f.GetAttribute("data-type") != "").Sum(Count));
        Assert.Contains(filters, f => f.GetAttribute("data-type") == "terms");
        Assert.Contains(filters, f => f.GetAttribute("data-type") == "lessons");
        Assert.Equal("page", filters.Single(f => f.GetAttribute("data-type") == "").GetAttribute("aria-current"));
        Assert.Contains("результат", page.QuerySelector(".search-count")!.TextContent);
    }

    [Fact]
    public async Task A_phrase_in_quotes_marks_its_words_only_where_they_stand_together()
    {
        // Every marked «город…» in a snippet, with whether the word marked just before it is «умн…».
        async Task<List<bool>> CityMarksAsync(string query)
        {
            var page = await PageAsync($"/ru/search?q={Q(query)}");
            var marks = new List<bool>();
            foreach (var snippet in page.QuerySelectorAll("p.result-snippet"))
            {
                var html = snippet.InnerHtml;
                var found = System.Text.RegularExpressions.Regex.Matches(html, "<mark>(.*?)</mark>");
                for (var i = 0; i < found.Count; i++)
                {
                    if (!found[i].Groups[1].Value.StartsWith("город", StringComparison.OrdinalIgnoreCase)) continue;
                    var afterSmart = i > 0 && found[i - 1].Groups[1].Value.StartsWith("умн", StringComparison.OrdinalIgnoreCase)
                        && html[(found[i - 1].Index + found[i - 1].Length)..found[i].Index].Trim().Length == 0;
                    marks.Add(afterSmart);
                }
            }
            return marks;
        }

        var phrase = await CityMarksAsync("\"умный город\"");
        var words = await CityMarksAsync("умный город");

        Assert.NotEmpty(phrase);
        Assert.All(phrase, Assert.True);
        Assert.Contains(false, words);
    }

    [Fact]
    public async Task A_type_filter_keeps_only_that_type_and_the_counts_of_all()
    {
        var all = await PageAsync($"/ru/search?q={Q("инициатив")}");
        var terms = await PageAsync($"/ru/search?q={Q("инициатив")}&type=terms");

        Assert.All(Results(terms), r => Assert.Equal("Термин", r.QuerySelector(".result-type")!.TextContent.Trim()));
        var filter = terms.QuerySelector("nav.search-filters a[data-type=terms]")!;
        Assert.Equal("page", filter.GetAttribute("aria-current"));
        Assert.Equal(Count(filter), Results(terms).Count);
        Assert.Equal(all.QuerySelectorAll("nav.search-filters a").Select(Count), terms.QuerySelectorAll("nav.search-filters a").Select(Count));
    }

    [Fact]
    public async Task Many_results_come_in_pages_and_a_page_out_of_range_is_not_an_error()
    {
        var first = await PageAsync($"/ru/search?q={Q("город")}");
        var second = await PageAsync($"/ru/search?q={Q("город")}&page=2");
        var nonsense = await PageAsync($"/ru/search?q={Q("город")}&page=abc");
        var far = await PageAsync($"/ru/search?q={Q("город")}&page=99999");

        Assert.Equal(10, Results(first).Count);
        Assert.NotNull(first.QuerySelector("nav.pagination a[rel=next]"));
        Assert.NotEmpty(Results(second));
        Assert.Empty(Results(first).Select(Title).Intersect(Results(second).Select(Title)));
        Assert.Equal("11", second.QuerySelector("ol.search-results")!.GetAttribute("start"));
        Assert.Equal(Results(first).Select(Title), Results(nonsense).Select(Title));
        Assert.Empty(Results(far));
    }

    [Fact]
    public async Task The_other_language_can_be_included()
    {
        var own = await PageAsync($"/ru/search?q={Q("бастамалар")}");
        var both = await PageAsync($"/ru/search?q={Q("бастамалар")}&other=1");

        Assert.DoesNotContain(Results(own), r => r.GetAttribute("lang") == "kk");
        var kazakh = Results(both).Where(r => r.GetAttribute("lang") == "kk").ToList();
        Assert.NotEmpty(kazakh);
        Assert.All(kazakh, r => Assert.StartsWith("/kk/", r.QuerySelector(".result-title a")!.GetAttribute("href")));
        Assert.NotNull(both.QuerySelector("input[name=other][checked]"));
    }

    [Fact]
    public async Task A_misspelled_word_finds_the_right_one_and_suggests_it()
    {
        var page = await PageAsync($"/ru/search?q={Q("инициытива")}");

        Assert.NotNull(page.QuerySelector("[data-search-notice=similar]"));
        Assert.NotEmpty(Results(page));
        var suggestion = page.QuerySelector("a[data-suggestion]")!;
        Assert.StartsWith("инициатив", suggestion.TextContent);
        Assert.Contains("Точных совпадений", page.QuerySelector("[data-search-notice=similar]")!.TextContent);
    }

    [Fact]
    public async Task Nothing_found_says_so_and_offers_ways_on_in_the_readers_language()
    {
        var ru = await PageAsync($"/ru/search?q={Q("zzqqxxyy")}");
        var kk = await PageAsync($"/kk/search?q={Q("zzqqxxyy")}");

        Assert.Contains("ничего не нашлось", ru.QuerySelector("[data-search-notice=nothing]")!.TextContent);
        Assert.NotNull(ru.QuerySelector("[data-search-notice=nothing] a[href='/ru/glossary']"));
        Assert.Contains("ештеңе табылмады", kk.QuerySelector("[data-search-notice=nothing]")!.TextContent);
        Assert.Empty(Results(ru));
    }

    [Fact]
    public async Task Without_a_query_the_page_suggests_where_to_start()
    {
        var page = await PageAsync("/kk/search");

        Assert.NotNull(page.QuerySelector(".search-start"));
        Assert.True(page.QuerySelectorAll(".search-start a").Length >= 3);
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    public static TheoryData<string> BadQueries => new()
    {
        "\"умный город",
        "«умный",
        "*",
        "?",
        "title:город AND (",
        "+-&&||!(){}[]^\"~*?:\\/",
        "AND",
        "OR NOT",
        "город~2^5",
        "\u0000\u0001город\u001f\u007f",
        "\uD800город\uDFFF",
        "\u200B\u200E",
        new string('ж', 10_000),
        string.Join(' ', Enumerable.Repeat("инициатива город", 600)),
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_query_is_answered_with_a_page_never_an_error(string query)
    {
        foreach (var culture in new[] { "ru", "kk" })
        {
            var response = await Site.Client.GetAsync($"/{culture}/search?q={Q(query)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            // Results, a message, or (when nothing visible was typed) the page's suggestions where to start.
            Assert.True(Results(page).Count > 0 || page.QuerySelector("[data-search-notice], .search-start") is not null,
                $"{culture}: neither results nor a message for {query[..Math.Min(40, query.Length)]}");

            var json = await Site.Client.GetAsync($"/{culture}/search.json?q={Q(query)}");
            Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        }
    }

    [Fact]
    public async Task Ten_kilobytes_of_text_are_cut_to_their_first_words_with_a_message()
    {
        var page = await PageAsync($"/ru/search?q={Q(string.Join(' ', Enumerable.Repeat("инициатива город", 600)))}");

        Assert.Contains("слишком длинным", page.QuerySelector("[data-search-notice=shortened]")!.TextContent);
        Assert.NotEmpty(Results(page));
        Assert.True(page.QuerySelector("#search-q")!.GetAttribute("value")!.Length <= 200);
    }

    [Fact]
    public async Task A_lone_star_asks_for_words_in_the_readers_language()
    {
        var ru = await PageAsync("/ru/search?q=*");
        var kk = await PageAsync("/kk/search?q=*");

        Assert.Contains("Введите одно или несколько слов", ru.QuerySelector("[data-search-notice=no-words]")!.TextContent);
        Assert.Contains("Бір немесе бірнеше сөз", kk.QuerySelector("[data-search-notice=no-words]")!.TextContent);
    }

    [Fact]
    public async Task Instant_results_are_json_with_marked_titles_addresses_and_a_summary()
    {
        var response = await Site.Client.GetAsync($"/kk/search.json?q={Q("akyldy kala")}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.True(root.GetProperty("total").GetInt32() > 0);
        Assert.EndsWith("нәтиже", root.GetProperty("summary").GetString());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.InRange(results.Count, 1, 6);
        Assert.Contains(results, r => r.GetProperty("title").GetString()!.Contains("<mark>Ақылды</mark>", StringComparison.Ordinal));
        Assert.All(results, r => Assert.StartsWith("/kk/", r.GetProperty("url").GetString()));
        Assert.StartsWith("/kk/search?q=", root.GetProperty("all").GetString());
    }

    [Fact]
    public async Task Every_page_has_a_search_box_that_works_without_scripts()
    {
        var home = await PageAsync("/ru/");

        var form = home.QuerySelector("form.header-search")!;
        Assert.Equal("/ru/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("input[name=q]"));
        Assert.NotNull(home.QuerySelector("script[src*='search']"));
    }

    [Fact]
    public async Task Drafts_are_found_only_in_the_editors_search()
    {
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var publishing = scope.ServiceProvider.GetRequiredService<ContentPublishing>();
            var key = new ContentKey("ru", ContentTypeNames.GlossaryTerm, "open-data");
            var latest = Site.Services.GetRequiredService<Learn.Content.Published.PublishedContent>().Current.ByKey("ru", key.ContentType, key.TranslationKey)!;
            Assert.True(await publishing.ReviseAsync(key, latest.Title, latest.Body + "\n\nЧерновая вставка: гелиотропник.", "editor", publish: false));
        }
        var email = AccountFlowTests.NewEmail();
        string token;
        await using (var scope = Site.Services.CreateAsyncScope())
        {
            token = await scope.ServiceProvider.GetRequiredService<Accounts>().CreateWithRoleAsync(email, RoleNames.Editor, "Редактор", "ru");
        }
        using var editor = Site.NewClient();
        await AccountFlowTests.UseLinkAsync(editor, $"/ru/account/link/{token}?purpose=setup");
        using var anonymous = Site.NewClient();
        using var learner = await RoleClients.SignInAsync(Site, RoleNames.Learner);

        IDocument? found = null;
        for (var i = 0; i < 100 && (found is null || Results(found).Count == 0); i++)
        {
            await Task.Delay(20);
            (_, found) = await Html.GetAsync(editor, $"/ru/editor/search?q={Q("гелиотропник")}");
        }
        var publicPage = await PageAsync($"/ru/search?q={Q("гелиотропник")}");
        var forAnonymous = await anonymous.GetAsync($"/ru/editor/search?q={Q("гелиотропник")}");
        var forLearner = await learner.GetAsync($"/ru/editor/search?q={Q("гелиотропник")}");

        var draft = Assert.Single(Results(found!));
        Assert.Equal("Черновик", draft.QuerySelector(".result-status")!.TextContent.Trim());
        Assert.Empty(Results(publicPage));
        Assert.Equal(HttpStatusCode.Redirect, forAnonymous.StatusCode);
        // Back to the same search after signing in.
        Assert.Equal($"/ru/account/sign-in?returnPath={Uri.EscapeDataString($"/ru/editor/search?q={Q("гелиотропник")}")}", forAnonymous.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, forLearner.StatusCode);
        Assert.Empty(Results(Html.Parse(await forLearner.Content.ReadAsStringAsync())));
    }

    private static int Count(IElement filter) => int.Parse(filter.QuerySelector(".count")!.TextContent.Trim());

    private static string Title(IElement result) => result.QuerySelector(".result-title")!.TextContent.Trim();
}
