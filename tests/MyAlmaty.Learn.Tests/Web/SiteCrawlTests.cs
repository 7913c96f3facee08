using System.Net;
using AngleSharp.Dom;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Web;

[Collection(SiteCollection.Name)]
public sealed class SiteCrawlTests(SiteFixture site)
{
    [Fact]
    public async Task Every_page_reachable_from_the_home_pages_answers_and_links_nowhere_broken()
    {
        var pages = new Dictionary<string, IDocument>();
        var fragments = new List<(string From, string Page, string Id)>();
        var queue = new Queue<string>(["/ru/", "/kk/"]);
        var seen = new HashSet<string>(queue);
        var problems = new List<string>();

        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var response = await site.Client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{path}: {(int)response.StatusCode}");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var page = Html.Parse(await response.Content.ReadAsStringAsync());
            pages[path] = page;
            foreach (var link in Links(page))
            {
                if (!Internal(link, out var target, out var fragment)) continue;
                if (fragment is not null) fragments.Add((path, target, fragment));
                if (seen.Add(target)) queue.Enqueue(target);
            }
        }

        foreach (var (from, target, id) in fragments)
        {
            if (pages.TryGetValue(target, out var page) && page.GetElementById(id) is null) problems.Add($"{from} → {target}#{id}: no such anchor");
        }
        Assert.Empty(problems);
        Assert.True(pages.Count >= 60, $"only {pages.Count} pages were reached");
    }

    [Fact]
    public async Task Every_page_carries_its_language_and_alternates_for_its_translations()
    {
        foreach (var path in await ContentPagesAsync())
        {
            var (_, page) = await Html.GetAsync(site.Client, path);
            var culture = path.Split('/')[1];
            Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
            var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")).ToList();
            Assert.Contains(culture, alternates);
            Assert.Contains(culture == "ru" ? "kk" : "ru", alternates);
        }
    }

    private async Task<IReadOnlyList<string>> ContentPagesAsync()
    {
        var result = new List<string>();
        foreach (var section in new[] { "/ru/courses", "/kk/courses", "/ru/glossary", "/kk/glossary", "/ru/summaries", "/kk/summaries" })
        {
            var (_, page) = await Html.GetAsync(site.Client, section);
            // A link that names another type than a page (the summaries' Atom feed) leads to no page.
            result.AddRange(page.QuerySelectorAll("a[href]:not([type])").Select(a => a.GetAttribute("href")!)
                .Where(l => l.StartsWith(section + "/", StringComparison.Ordinal)).Distinct());
        }
        Assert.True(result.Count >= 20);
        return result;
    }

    // Links marked nofollow change a reader's setting (the Kazakh alphabet); following them would change this client's.
    private static IEnumerable<string> Links(IDocument page) =>
        page.QuerySelectorAll("a[href]:not([rel~=nofollow]), link[href], img[src], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!);

    private static bool Internal(string link, out string target, out string? fragment)
    {
        fragment = null;
        target = link;
        if (!link.StartsWith('/') || link.StartsWith("//", StringComparison.Ordinal)) return false;
        var hash = link.IndexOf('#');
        if (hash >= 0)
        {
            fragment = link[(hash + 1)..];
            target = link[..hash];
        }
        return target.Length > 0;
    }
}
