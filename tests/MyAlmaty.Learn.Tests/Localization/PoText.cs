using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

// Catalog bodies in tests start on line 6: four header lines and a blank line come first.
internal static class PoText
{
    public const string RussianHeader = """
        msgid ""
        msgstr ""
        "Language: ru\n"
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"
        """;

    public const string KazakhHeader = """
        msgid ""
        msgstr ""
        "Language: kk\n"
        "Plural-Forms: nplurals=2; plural=(n!=1);\n"
        """;

    public static PoCatalog ParseRussian(string body) =>
        PoParser.Parse(RussianHeader + "\n\n" + body, "ru", "ru.po");

    public static PoCatalog ParseKazakh(string body) =>
        PoParser.Parse(KazakhHeader + "\n\n" + body, "kk", "kk.po");
}

internal sealed class TempPoDirectory : IDisposable
{
    public TempPoDirectory(string russianBody, string kazakhBody)
    {
        Path = Directory.CreateTempSubdirectory("myalmaty-po-").FullName;
        File.WriteAllText(System.IO.Path.Combine(Path, "ru.po"), PoText.RussianHeader + "\n\n" + russianBody);
        File.WriteAllText(System.IO.Path.Combine(Path, "kk.po"), PoText.KazakhHeader + "\n\n" + kazakhBody);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
