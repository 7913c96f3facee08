using System.Net;
using Ical.Net;
using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>The public workshop pages: upcoming and past, a workshop's page, its .ics and the calendar feed.</summary>
public sealed class WorkshopPageTests
{
    private static string Workshop(string title, DateTime startsAt) => $"""
        ---
        type: Workshop
        title: {title}
        summary: Встреча о дворах.
        startsAt: {startsAt:yyyy-MM-dd HH:mm}
        endsAt: {startsAt.AddHours(2):yyyy-MM-dd HH:mm}
        languages: [ru]
        venue: Алматы, ул. Абылай хана, 91
        mapUrl: https://2gis.kz/almaty
        capacity: 40
        facilitators: [Айгерим Сейткали]
        ---
        Приходите со своим двором в голове.
        """.Replace("\r\n", "\n");

    [Fact]
    public async Task Upcoming_and_past_workshops_are_listed_and_a_workshop_has_its_page_and_calendar_entry_in_utc()
    {
        using var content = new TempFolder();
        SampleContent.WriteTo(content);
        var soon = DateTime.UtcNow.AddHours(5).AddDays(10).Date.AddHours(18).AddMinutes(30);
        content.Write("workshops/yards.ru.md", Workshop("Дворы, которые мы меняем", soon));
        content.Write("workshops/first.ru.md", Workshop("Первая встреча", new DateTime(2026, 10, 1, 18, 0, 0)));
        await using var site = await TestSite.StartAsync(contentPath: content.Path);

        var (_, list) = await Html.GetAsync(site.Client, "/ru/workshops");
        var headings = list.QuerySelectorAll("main h2, main h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Ближайшие", "Дворы, которые мы меняем", "Прошедшие встречи", "Первая встреча"], headings);

        var (response, page) = await Html.GetAsync(site.Client, "/ru/workshops/yards");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Дворы, которые мы меняем", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("18:30–20:30", page.QuerySelector(".facts")!.TextContent);
        Assert.Equal("/ru/workshops/yards.ics", page.QuerySelector("a[type='text/calendar'][download]")!.GetAttribute("href"));

        using var ics = await site.Client.GetAsync("/ru/workshops/yards.ics");
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        var entry = Assert.Single(calendar.Events);
        Assert.Equal("PUBLISH", calendar.Method);
        Assert.Equal("workshop-yards@myalmaty.learn", entry.Uid);
        Assert.Equal("Дворы, которые мы меняем", entry.Summary);
        Assert.Equal(soon.AddHours(-5), entry.DtStart!.AsUtc);
        Assert.Equal(soon.AddHours(-3), entry.DtEnd!.AsUtc);
        Assert.Equal($"{site.Address.GetLeftPart(UriPartial.Authority)}/ru/workshops/yards", entry.Url!.ToString());

        using var feed = await site.Client.GetAsync("/ru/workshops/calendar.ics");
        var upcoming = Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.Equal(["workshop-yards@myalmaty.learn"], upcoming.Events.Select(e => e.Uid));

        using var missing = await site.Client.GetAsync("/ru/workshops/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
