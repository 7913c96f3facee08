namespace MyAlmaty.Learn.Localization;

// Placeholder until the PO catalog lands.
public sealed class UiStrings(string directory)
{
    public string Directory { get; } = directory;
    public string Get(string culture, string msgid, params object?[] args) => args.Length == 0 ? msgid : string.Format(msgid, args);
    public string Plural(string culture, long n, string msgid, string msgidPlural, params object?[] args) => string.Format(n == 1 ? msgid : msgidPlural, [n, .. args]);
}
