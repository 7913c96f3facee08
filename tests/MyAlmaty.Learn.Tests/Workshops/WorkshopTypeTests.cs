using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Workshops;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>The Workshop content type: read from a file like every other type, with the rules that span its fields.</summary>
public sealed class WorkshopTypeTests
{
    private const string Good = """
        ---
        type: Workshop
        title: Дворы, которые мы меняем
        summary: Практическая встреча о том, как соседям договориться и начать общее дело.
        startsAt: 2027-03-14 18:30
        endsAt: 2027-03-14 20:30
        languages: [ru, kk]
        venue: Алматы, ул. Абылай хана, 91, коворкинг «Орда»
        mapUrl: https://2gis.kz/almaty
        capacity: 40
        facilitators:
          - Айгерим Сейткали
        course: grassroots
        lessons:
          - urban-activist
        ---
        Приходите со своим двором в голове.
        """;

    [Fact]
    public async Task A_workshop_file_is_read_with_its_almaty_times_languages_place_and_links()
    {
        await using var site = await TestSite.StartAsync();
        var (file, problems) = Parse(site, Good);

        Assert.Empty(problems);
        var workshop = Assert.IsType<WorkshopMetadata>(file!.Metadata);
        Assert.Equal(new DateTime(2027, 3, 14, 18, 30, 0), workshop.StartsAt);
        Assert.Equal(new DateTime(2027, 3, 14, 20, 30, 0), workshop.EndsAt);
        Assert.Equal(["ru", "kk"], workshop.Languages);
        Assert.Equal(40, workshop.Capacity);
        Assert.Equal(WorkshopStatus.Scheduled, workshop.Status);
        Assert.Equal(["course", "lessons"], file.References.Select(r => r.Field));
    }

    [Theory]
    [InlineData("cancelled", WorkshopStatus.Cancelled)]
    [InlineData("held", WorkshopStatus.Held)]
    public async Task A_workshops_state_is_its_own_field_beside_the_published_or_draft_status_of_every_item(string state, WorkshopStatus expected)
    {
        await using var site = await TestSite.StartAsync();

        var (file, problems) = Parse(site, Good.Replace("capacity: 40", $"capacity: 40\nstate: {state}\nstatus: published"));

        Assert.Empty(problems);
        Assert.Equal(expected, Assert.IsType<WorkshopMetadata>(file!.Metadata).Status);
    }

    [Theory]
    [InlineData("endsAt: 2027-03-14 20:30", "endsAt: 2027-03-14 17:00", WorkshopMessages.EndsBeforeStart, "endsAt")]
    [InlineData("endsAt: 2027-03-14 20:30", "endsAt: 14.03.2027 20:30", ImportMessages.BadDateTime, "endsAt")]
    [InlineData("languages: [ru, kk]", "languages: [ru, en]", WorkshopMessages.UnknownLanguage, "languages")]
    [InlineData("venue: Алматы, ул. Абылай хана, 91, коворкинг «Орда»\n", "", WorkshopMessages.NoPlace, "venue")]
    [InlineData("mapUrl: https://2gis.kz/almaty", "mapUrl: javascript:alert(1)", WorkshopMessages.BadLink, "mapUrl")]
    [InlineData("capacity: 40", "capacity: 0", ImportMessages.BadNumber, "capacity")]
    [InlineData("languages: [ru, kk]\n", "state: postponed\n", ImportMessages.BadChoice, "state")]
    public async Task A_bad_workshop_is_reported_on_its_field_and_not_loaded(string from, string to, string message, string field)
    {
        await using var site = await TestSite.StartAsync();
        var text = Good.Replace(from, to);
        if (to.StartsWith("state", StringComparison.Ordinal)) text = Good.Replace("capacity: 40", "capacity: 40\n" + to.TrimEnd());

        var (file, problems) = Parse(site, text);

        Assert.Null(file);
        Assert.Contains(problems, p => p.Message == message && p.Field == field && p.Line is > 1);
    }

    private static (ContentFile? File, List<ImportProblem> Problems) Parse(TestSite site, string text)
    {
        var problems = new List<ImportProblem>();
        var file = site.Services.GetRequiredService<ContentFileParser>().ParseText("workshops/yards.ru.md", text.Replace("\r\n", "\n"), problems);
        return (file, problems);
    }
}
