using System.Globalization;
using System.Text;
using CsvHelper;

namespace MyAlmaty.Learn.Workshops.Campaigns;

/// <summary>One recipient as read from a list: its line, the address and name as found, a language if the list gave one.</summary>
/// <param name="Language">ru, kk or kk-latn; null when the list says nothing (the workshop's first language applies).</param>
/// <param name="Problem">Why the line cannot be sent to (a msgid), or null.</param>
/// <param name="NameCleaned">The name held line breaks or control characters, which were replaced by spaces.</param>
public sealed record RecipientLine(int Line, string Email, string? Name, string? Language, string? Problem = null, bool NameCleaned = false);

/// <summary>A list read, or refused as a whole (<see cref="Problem"/> with its arguments).</summary>
public sealed record RecipientList(IReadOnlyList<RecipientLine> Lines, string? Problem = null, IReadOnlyList<object> Arguments = default!)
{
    public IReadOnlyList<object> Arguments { get; init; } = Arguments ?? [];

    public static RecipientList Refused(string problem, params object[] arguments) => new([], problem, arguments);
}

/// <summary>
/// Reads recipients from what a facilitator pastes or uploads. A CSV comes from Excel or Google Sheets as UTF-8
/// (with or without a BOM) or, from an older Excel in Russian, as Windows-1251 with semicolons: the bytes decide
/// the encoding and the header line the separator. Limits are checked before any work, so a huge file is refused at once.
/// </summary>
public static class RecipientLists
{
    /// <summary>More than a workshop can take in several rounds; a longer list is several campaigns.</summary>
    public const int MaxRecipients = 1000;

    public const int MaxFileBytes = 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Header names as people write them in the three languages of the programme's spreadsheets.
    private static readonly string[] EmailHeaders = ["email", "e-mail", "mail", "эл. почта", "эл.почта", "электронная почта", "почта", "адрес", "e-mail адрес", "эл. пошта", "электрондық пошта", "пошта", "email address"];
    private static readonly string[] NameHeaders = ["name", "full name", "имя", "фио", "имя и фамилия", "аты", "аты-жөні", "аты жөні", "есімі"];
    private static readonly string[] LanguageHeaders = ["language", "lang", "язык", "тіл", "тілі"];

    static RecipientLists() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Pasted lines: «address», «Name &lt;address&gt;» or «address, name»; blank lines are skipped.</summary>
    public static RecipientList FromText(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Count(l => l.Trim().Length > 0) > MaxRecipients) return RecipientList.Refused(CampaignMessages.TooManyLines, MaxRecipients);
        var result = new List<RecipientLine>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            string email;
            string? name = null;
            var open = line.LastIndexOf('<');
            if (open >= 0 && line.EndsWith('>'))
            {
                email = line[(open + 1)..^1];
                name = line[..open].Trim().Trim('"');
            }
            else if (line.IndexOfAny([',', ';', '\t']) is var cut and >= 0)
            {
                email = line[..cut];
                name = line[(cut + 1)..];
            }
            else email = line;
            result.Add(Check(i + 1, email, name, null));
        }
        return new RecipientList(result);
    }

    /// <summary>An uploaded CSV with a header line naming the columns (email, name, language in Russian, Kazakh or English).</summary>
    public static RecipientList FromCsv(byte[] bytes)
    {
        if (bytes.Length > MaxFileBytes) return RecipientList.Refused(CampaignMessages.FileTooBig, MaxFileBytes / 1024 / 1024, MaxRecipients);
        if (bytes.Length == 0) return RecipientList.Refused(CampaignMessages.FileEmpty);
        // UTF-16 (Excel's «Unicode text») is neither of the two: say so rather than read noise.
        if (bytes.Length >= 2 && (bytes[0], bytes[1]) is (0xFF, 0xFE) or (0xFE, 0xFF) || Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return RecipientList.Refused(CampaignMessages.FileEncoding);
        }
        if (bytes.Count(b => b == (byte)'\n') > MaxRecipients + 1) return RecipientList.Refused(CampaignMessages.TooManyLines, MaxRecipients);
        var text = Decode(bytes);
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        // The header is read as a record of its own: its names are matched in three languages, or it is the first address.
        var options = new CsvReaderOptions { Separator = separator, HasHeader = false, TrackLineNumbers = true, TrimWhitespace = true };
        using var csv = CsvReader.FromText(text, options);
        if (!csv.Read()) return RecipientList.Refused(CampaignMessages.FileEmpty);
        var header = Fields(csv);
        var (emailColumn, nameColumn, languageColumn) = (Find(header, EmailHeaders), Find(header, NameHeaders), Find(header, LanguageHeaders));
        var result = new List<RecipientLine>();
        if (emailColumn < 0)
        {
            // No header, but the first cell is an address: the columns are address, name, language in that order.
            if (header.Length > 0 && header[0].Contains('@')) (emailColumn, nameColumn, languageColumn) = (0, header.Length > 1 ? 1 : -1, header.Length > 2 ? 2 : -1);
            else return RecipientList.Refused(CampaignMessages.NoEmailColumn, string.Join(" | ", header.Select(h => Printable(h, 40))));
            result.Add(FromRecord(csv.LineNumber, header, emailColumn, nameColumn, languageColumn));
        }
        while (csv.Read())
        {
            var record = Fields(csv);
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            result.Add(FromRecord(csv.LineNumber, record, emailColumn, nameColumn, languageColumn));
        }
        return new RecipientList(result);
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (a BOM is dropped); Windows-1251 otherwise, the encoding of Russian Excel.</summary>
    public static string Decode(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1251).GetString(bytes);
        }
    }

    private static string[] Fields(CsvReader csv) => [.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)];

    private static RecipientLine FromRecord(long line, string[] record, int email, int name, int language) =>
        Check((int)line, Cell(record, email) ?? "", Cell(record, name), LanguageOf(Cell(record, language)));

    private static string? Cell(string[] record, int index) => index >= 0 && index < record.Length ? record[index] : null;

    private static int Find(string[] header, string[] names) =>
        Array.FindIndex(header, h => names.Contains(h.Trim().Trim('"').Trim().ToLowerInvariant().Replace('ё', 'е')));

    /// <summary>ru, kk or kk-latn from what a spreadsheet says («рус», «қазақша», «KZ», «latin»…); null when it says nothing we know.</summary>
    public static string? LanguageOf(string? value)
    {
        var v = (value ?? "").Trim().ToLowerInvariant();
        if (v.Length == 0) return null;
        if (v.Contains("lat") || v.Contains("лат") || v is "qaz" or "qazaqsha" or "qazaq") return "kk-latn";
        if (v.StartsWith("ru") || v.StartsWith("рус") || v.StartsWith("орыс")) return "ru";
        if (v.StartsWith("kk") || v.StartsWith("kz") || v.StartsWith("kaz") || v.StartsWith("қаз") || v.StartsWith("каз")) return "kk";
        return null;
    }

    /// <summary>The address checked and the name made safe for a mail header.</summary>
    private static RecipientLine Check(int line, string email, string? name, string? language)
    {
        var (cleanName, cleaned) = CleanName(name);
        var address = email.Trim().Trim('<', '>', '"').Trim();
        var problem = address.Length == 0 ? CampaignMessages.NoAddress : EmailAddresses.Problem(address);
        return new RecipientLine(line, problem is null ? address : Printable(address, 320), cleanName, language, problem, cleaned);
    }

    /// <summary>
    /// Line breaks and other control characters in a name would split a mail header (header injection) and have no
    /// business in a name anyway: each becomes a space. A name longer than the column is cut.
    /// </summary>
    public static (string? Name, bool Cleaned) CleanName(string? name)
    {
        if (name is null) return (null, false);
        var builder = new StringBuilder(name.Length);
        var cleaned = false;
        foreach (var c in name)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085')
            {
                builder.Append(' ');
                cleaned = true;
            }
            else builder.Append(c);
        }
        var text = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('"', ' ');
        if (text.Length > 200) text = text[..200];
        return (text.Length == 0 ? null : text, cleaned);
    }

    /// <summary>Text safe to show in a report: control characters as «?», cut to a length.</summary>
    private static string Printable(string text, int max)
    {
        var shown = new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
        return shown.Length > max ? shown[..max] + "…" : shown;
    }
}
