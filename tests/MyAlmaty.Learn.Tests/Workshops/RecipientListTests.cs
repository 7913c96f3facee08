using System.Diagnostics;
using System.Text;
using MyAlmaty.Learn.Workshops.Campaigns;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>What a facilitator pastes or uploads is read line by line, whatever Excel or Google Sheets saved it as.</summary>
public sealed class RecipientListTests
{
    static RecipientListTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static byte[] Utf8(string text, bool bom) => [.. (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(text)];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_UTF8_file_with_commas_is_read_with_or_without_a_BOM(bool bom)
    {
        var list = RecipientLists.FromCsv(Utf8("Email,Name,Language\naigerim@example.kz,Айгерім Сәрсенова,kk\nivan@example.ru,\"Иванов, Иван\",ru\n", bom));

        Assert.Null(list.Problem);
        Assert.Equal(["aigerim@example.kz", "ivan@example.ru"], list.Lines.Select(l => l.Email));
        Assert.Equal(["Айгерім Сәрсенова", "Иванов, Иван"], list.Lines.Select(l => l.Name));
        Assert.Equal(["kk", "ru"], list.Lines.Select(l => l.Language));
        Assert.Equal([2, 3], list.Lines.Select(l => l.Line));
    }

    [Fact]
    public void A_Windows_1251_file_with_semicolons_and_Russian_headers_keeps_its_Cyrillic_names()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("Эл. почта;Имя;Язык\r\nolga@example.kz;Ольга Пётрова;русский\r\nerlan@example.kz;Ерлан Ахметов;казахский\r\n");

        var list = RecipientLists.FromCsv(bytes);

        Assert.Null(list.Problem);
        Assert.Equal(["Ольга Пётрова", "Ерлан Ахметов"], list.Lines.Select(l => l.Name));
        Assert.Equal(["ru", "kk"], list.Lines.Select(l => l.Language));
    }

    [Fact]
    public void Kazakh_and_English_header_names_are_understood()
    {
        var list = RecipientLists.FromCsv(Utf8("Тіл;Аты;Электрондық пошта\nqazaqsha latin;Dana;dana@example.kz\n", bom: false));

        Assert.Equal(("dana@example.kz", "Dana", "kk-latn"), (list.Lines[0].Email, list.Lines[0].Name, list.Lines[0].Language));
    }

    [Fact]
    public void A_file_whose_first_line_names_no_address_column_is_refused_with_what_it_reads()
    {
        var tabs = RecipientLists.FromCsv(Utf8("Email\tName\na@example.kz\tA\n", bom: false));

        Assert.Equal(CampaignMessages.NoEmailColumn, tabs.Problem);
        Assert.Contains("Email\tName".Replace('\t', '?'), tabs.Arguments[0].ToString());
        Assert.Empty(tabs.Lines);
    }

    [Fact]
    public void A_UTF16_file_is_refused_with_how_to_save_it()
    {
        var list = RecipientLists.FromCsv([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("email,name\na@example.kz,A\n")]);

        Assert.Equal(CampaignMessages.FileEncoding, list.Problem);
    }

    [Fact]
    public void Bad_addresses_are_reported_with_their_line_and_reason()
    {
        var list = RecipientLists.FromCsv(Utf8("email,name\ngood@example.kz,A\nno-at-sign.kz,B\n,C\nx@localhost,D\n\"a@b.kz\r\nBcc: evil@example.com\",E\n", bom: false));

        Assert.Null(list.Lines[0].Problem);
        Assert.Equal([(3, CampaignMessages.BadAddress), (4, CampaignMessages.NoAddress), (5, CampaignMessages.BadAddress), (6, CampaignMessages.BadAddress)],
            list.Lines.Skip(1).Select(l => (l.Line, l.Problem!)));
        Assert.DoesNotContain(list.Lines, l => l.Email.Contains('\n') || l.Email.Contains('\r'));
    }

    [Fact]
    public void Line_breaks_in_a_name_cannot_reach_a_mail_header()
    {
        var list = RecipientLists.FromCsv(Utf8("email,name\nhacker@example.kz,\"Ivan\r\nBcc: everyone@example.com\"\n", bom: false));

        var line = Assert.Single(list.Lines);
        Assert.Null(line.Problem);
        Assert.True(line.NameCleaned);
        Assert.Equal("Ivan Bcc: everyone@example.com", line.Name);
    }

    [Fact]
    public void Pasted_lines_may_be_an_address_a_name_with_an_address_or_an_address_and_a_name()
    {
        var list = RecipientLists.FromText("a@example.kz\r\n\r\nАйгүл Нұрлан <aigul@example.kz>\nb@example.kz, Борис\nnot an address\n");

        Assert.Equal([(1, "a@example.kz", null), (3, "aigul@example.kz", "Айгүл Нұрлан"), (4, "b@example.kz", "Борис")],
            list.Lines.Take(3).Select(l => (l.Line, l.Email, l.Name)));
        Assert.Equal((5, CampaignMessages.BadAddress), (list.Lines[3].Line, list.Lines[3].Problem));
    }

    [Fact]
    public void A_50000_line_file_is_refused_at_once_naming_the_limit()
    {
        var text = new StringBuilder("email,name\n");
        for (var i = 0; i < 50_000; i++) text.Append("p").Append(i).Append("@example.kz,P").Append(i).Append('\n');
        var watch = Stopwatch.StartNew();

        var list = RecipientLists.FromCsv(Encoding.UTF8.GetBytes(text.ToString()));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Contains(list.Problem, new[] { CampaignMessages.TooManyLines, CampaignMessages.FileTooBig });
        Assert.Contains(RecipientLists.MaxRecipients, list.Arguments);
        Assert.Empty(list.Lines);
    }
}
