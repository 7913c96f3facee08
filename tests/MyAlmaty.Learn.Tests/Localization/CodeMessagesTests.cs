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
        var messages = typeof(ImportMessages).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Concat(typeof(MyAlmaty.Learn.Web.Learners.AccountMessages).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Concat(typeof(MyAlmaty.Learn.Quizzes.QuizMessages).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Concat(typeof(MyAlmaty.Learn.Quizzes.SubmissionMessages).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Concat(typeof(MyAlmaty.Learn.Content.Editing.EditingMessages).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Concat(typeof(MyAlmaty.Learn.Web.Admin.PeopleMessages).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Concat(typeof(MyAlmaty.Learn.Web.Admin.AuditMessages).GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetValue(null)!)
            .Append(ImportReportWriter.Totals);
        foreach (var message in messages)
        {
            foreach (var culture in Cultures.All) data.Add(culture, message);
        }
        return data;
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
