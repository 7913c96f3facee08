using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Content;

public sealed class MalformedContentTests
{
    public static TheoryData<MalformedCase> Cases()
    {
        var data = new TheoryData<MalformedCase>();
        foreach (var c in MalformedContentCases.All) data.Add(c);
        return data;
    }

    [Fact]
    public void There_are_at_least_twenty_kinds_of_malformed_file() =>
        Assert.True(MalformedContentCases.All.Count >= 20);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_malformed_file_is_reported_with_file_line_and_reason_and_the_rest_still_loads(MalformedCase bad)
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        Assert.Empty((await content.ImportAsync()).Problems);
        content.Folder.Write(Path.Combine("content", bad.Path), bad.Bytes);

        var report = await content.ImportAsync();

        var problem = Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(bad.Path, problem.Path);
        Assert.Equal(bad.Line, problem.Line);
        Assert.Equal(bad.Message, problem.Message);
        Assert.Equal(SampleContent.Files.Count, report.Unchanged);
        Assert.NotNull(content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "l"));
        Assert.NotNull(content.Catalog.BySlug("ru", ContentTypeNames.Course, "c"));
    }

    [Fact]
    public async Task A_module_whose_lesson_failed_is_reported_as_pointing_at_a_broken_file_and_so_is_its_course()
    {
        await using var content = await ContentServices.CreateAsync();
        SampleContent.WriteTo(content.WriteContent);
        content.WriteContent("lessons/l.ru.md", "---\ntype: Lesson\ntitle: Урок\n---\nнет выводов");

        var report = await content.ImportAsync();

        Assert.Contains(report.Problems, p => p.Path == "modules/m.ru.md" && p.Line == 5 && p.Message == ImportMessages.BrokenReference);
        Assert.Contains(report.Problems, p => p.Path == "courses/c.ru.md" && p.Line == 5 && p.Message == ImportMessages.BrokenReference);
        Assert.NotNull(content.Catalog.BySlug("ru", ContentTypeNames.GlossaryTerm, "g"));
    }

    [Fact]
    public async Task An_unknown_field_is_a_warning_and_the_file_still_loads()
    {
        await using var content = await ContentServices.CreateAsync();
        content.WriteContent("lessons/l.ru.md", "---\ntype: Lesson\ntitle: Урок\ntakeaway: [опечатка]\ntakeaways: [a]\n---\nТекст");

        var report = await content.ImportAsync();

        var warning = Assert.Single(report.Problems);
        Assert.Equal((ProblemSeverity.Warning, 4, ImportMessages.UnknownField), (warning.Severity, warning.Line, warning.Message));
        Assert.False(report.HasErrors);
        Assert.NotNull(content.Catalog.BySlug("ru", ContentTypeNames.Lesson, "l"));
    }
}
