using System.Reflection;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web;

namespace MyAlmaty.Learn.Tests.Localization;

public sealed class CodeMessagesTests
{
    private static readonly UiStrings Strings = new(Path.Combine(AppContext.BaseDirectory, "Localization"));

    public static TheoryData<string, string> Messages()
    {
        var data = new TheoryData<string, string>();
        // Every class of messages in the application and the host: a feature's new one is checked without being listed here.
        var messages = new[] { typeof(ImportMessages).Assembly, typeof(ImportReportWriter).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Messages", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)
            .Append(ImportReportWriter.Totals)
            .Distinct();
        foreach (var message in messages)
        {
            foreach (var culture in Cultures.All) data.Add(culture, message);
        }
        return data;
    }

    [Fact]
    public void The_classes_of_messages_are_found()
    {
        var found = Messages().Select(row => (string)row[1]).ToHashSet();

        Assert.Contains(ImportMessages.BadYaml, found);
        Assert.Contains(MyAlmaty.Learn.Quizzes.SubmissionMessages.UnknownField, found);
        Assert.Contains(MyAlmaty.Learn.Media.MediaMessages.NoKazakhAlt, found);
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Every_message_written_in_code_is_translated(string culture, string message) =>
        Assert.True(Strings.Catalog(culture).HasTranslation(message), $"{culture}.po lacks: {message}");

    [Fact]
    public void A_report_reads_in_Kazakh_with_file_and_line()
    {
        var report = new ImportReport { FilesRead = 3 };
        report.Problems.Add(ImportProblem.Error("lessons/a.kk.md", 4, ImportMessages.MissingField, "title"));

        var lines = new ImportReportWriter(Strings).Lines(report, Cultures.Kazakh).ToList();

        Assert.Equal("lessons/a.kk.md:4: қате: Міндетті «title» өрісі толтырылмаған.", lines[0]);
        Assert.StartsWith("Файлдар: 3;", lines[1]);
    }
}
