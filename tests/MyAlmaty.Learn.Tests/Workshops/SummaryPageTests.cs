using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Users;
using static MyAlmaty.Learn.Tests.Workshops.WorkshopFixtures;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>A summary and the workshop it closes link to each other; its facts are on its page and in search.</summary>
public sealed class SummaryPageTests
{
    private const string Facts = "attendees: 24\norganisations:\n  - Общественный фонд «Зелёный квартал»\nconcepts: [g]\nlessons: [l]";

    private static readonly DateTime LastMonth = DateTime.UtcNow.AddDays(-30).Date.AddHours(18);

    [Fact]
    public async Task The_summary_page_shows_its_workshop_attendance_organisations_concepts_and_lessons_as_links_and_the_workshop_page_shows_the_summary()
    {
        using var content = WorkshopContent(LastMonth);
        content.Write("summaries/yards-summary.ru.md", Summary("ru", Facts));
        await using var site = await TestSite.StartAsync(content.Path);

        var (response, page) = await Html.GetAsync(site.Client, "/ru/summaries/yards-summary");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var facts = page.QuerySelector("dl.facts")!;
        Assert.Equal("/ru/workshops/yards", facts.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(TitleRu, facts.QuerySelector("a")!.TextContent);
        Assert.Contains("24 человека", facts.TextContent);
        Assert.Contains("Общественный фонд «Зелёный квартал»", facts.TextContent);
        var concept = page.QuerySelector(".summary-concepts a")!;
        Assert.Equal(("/ru/glossary/g", "Городской активист"), (concept.GetAttribute("href"), concept.TextContent));
        var lesson = page.QuerySelector(".summary-lessons a")!;
        Assert.Equal(("/ru/courses/c/l", "Урок"), (lesson.GetAttribute("href"), lesson.TextContent));

        var (_, workshop) = await Html.GetAsync(site.Client, "/ru/workshops/yards");
        var summary = workshop.QuerySelector(".workshop-summary")!;
        Assert.Equal("/ru/summaries/yards-summary", summary.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Что мы решили сделать во дворах.", summary.TextContent);

        // The Kazakh page of the workshop points to the Russian summary while there is no Kazakh one, and says so.
        var (_, kazakh) = await Html.GetAsync(site.Client, "/kk/workshops/yards");
        var link = kazakh.QuerySelector(".workshop-summary a")!;
        Assert.Equal(("/ru/summaries/yards-summary", "ru"), (link.GetAttribute("href"), link.GetAttribute("hreflang")));
        Assert.Contains("(орыс тілінде)", kazakh.QuerySelector(".workshop-summary")!.TextContent);
    }

    [Fact]
    public async Task A_workshop_without_a_published_summary_shows_none()
    {
        using var content = WorkshopContent(LastMonth);
        await using var site = await TestSite.StartAsync(content.Path);

        var (_, workshop) = await Html.GetAsync(site.Client, "/ru/workshops/yards");

        Assert.Null(workshop.QuerySelector(".workshop-summary"));
    }

    [Fact]
    public async Task Search_finds_a_summary_by_an_organisation_that_took_part()
    {
        using var content = WorkshopContent(LastMonth);
        content.Write("summaries/yards-summary.ru.md", Summary("ru", Facts));
        await using var site = await TestSite.StartAsync(content.Path);

        var found = await SearchAsync(site, "Зелёный квартал", "/ru/summaries/yards-summary");

        Assert.True(found, "the summary is not found by the name of an organisation present");
    }

    [Fact]
    public async Task The_shipped_past_workshop_and_the_memo_of_its_session_link_to_each_other_in_Russian_and_Kazakh()
    {
        await using var site = await TestSite.StartAsync();
        foreach (var culture in new[] { "ru", "kk" })
        {
            var (_, summary) = await Html.GetAsync(site.Client, $"/{culture}/summaries/intro-session-grassroots");
            Assert.Equal($"/{culture}/workshops/grassroots-intro", summary.QuerySelector("dl.facts a")!.GetAttribute("href"));
            Assert.Equal(6, summary.QuerySelectorAll(".summary-concepts a").Length);
            Assert.Equal(5, summary.QuerySelectorAll(".summary-lessons a").Length);

            var (_, workshop) = await Html.GetAsync(site.Client, $"/{culture}/workshops/grassroots-intro");
            var link = workshop.QuerySelector(".workshop-summary a")!;
            Assert.Equal($"/{culture}/summaries/intro-session-grassroots", link.GetAttribute("href"));
            Assert.Null(link.GetAttribute("hreflang"));
        }
    }

    [Fact]
    public async Task The_shipped_workshops_are_the_past_introductory_session_and_two_upcoming_ones_in_2027_in_both_languages()
    {
        var catalog = await ShippedCatalogAsync();
        foreach (var culture in new[] { "ru", "kk" })
        {
            var workshops = catalog.OfType(culture, WorkshopTypeNames.Workshop).Select(w => (w.TranslationKey, w.MetadataAs<WorkshopMetadata>())).OrderBy(w => w.Item2.StartsAt).ToList();
            Assert.Equal(["grassroots-intro", "neighbourhood-initiative", "smart-city-open-data"], workshops.Select(w => w.TranslationKey));
            Assert.True(workshops[0].Item2.EndsAt < new DateTime(2026, 11, 1));
            Assert.All(workshops.Skip(1), w => Assert.Equal(2027, w.Item2.StartsAt.Year));
            Assert.All(workshops.Skip(1), w => Assert.True(w.Item2 is { Capacity: > 0, Facilitators.Count: > 0, Course: not null, Lessons.Count: > 0 }));
        }
    }

    [Fact]
    public async Task A_reminders_link_opens_the_new_summary_form_with_its_workshop_chosen()
    {
        using var content = WorkshopContent(LastMonth);
        await using var site = await TestSite.StartAsync(content.Path);
        using var facilitator = await RoleClients.PersonAsync(site, RoleNames.Facilitator);

        var (response, form) = await Html.GetAsync(facilitator.Client, "/admin/content/new/summaries/ru?workshop=yards");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("yards", form.QuerySelector("select[name='f.workshop'] option[selected]")!.GetAttribute("value"));
    }

    private static async Task<bool> SearchAsync(TestSite site, string query, string url)
    {
        // The index is built beside the site's start; give it a moment.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var (_, page) = await Html.GetAsync(site.Client, $"/ru/search?q={Uri.EscapeDataString(query)}");
            if (page.QuerySelectorAll("li.search-result a").Any(a => a.GetAttribute("href") == url)) return true;
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(200);
        }
    }

    private static async Task<ContentCatalog> ShippedCatalogAsync()
    {
        await using var content = await ContentServices.CreateAsync();
        await content.ImportAsync(RepoPaths.Content);
        return content.Catalog;
    }
}
