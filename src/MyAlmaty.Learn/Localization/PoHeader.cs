using System.Text;

namespace MyAlmaty.Learn.Localization;

internal static class PoHeader
{
    public static Dictionary<string, (string Value, int Line)> Read(PoField msgstr)
    {
        var fields = new Dictionary<string, (string Value, int Line)>(StringComparer.OrdinalIgnoreCase);
        var pending = new StringBuilder();
        int? pendingLine = null;

        // A header line ("Key: value\n") usually sits in one quoted piece but may be split over several.
        foreach (var (line, text) in msgstr.Parts)
        {
            var pieces = text.Split('\n');
            for (var i = 0; i < pieces.Length; i++)
            {
                if (pieces[i].Length > 0)
                {
                    pendingLine ??= line;
                    pending.Append(pieces[i]);
                }

                if (i < pieces.Length - 1)
                {
                    Add(fields, pending, pendingLine ?? line);
                    pendingLine = null;
                }
            }
        }

        Add(fields, pending, pendingLine ?? msgstr.Line);
        return fields;
    }

    private static void Add(Dictionary<string, (string Value, int Line)> fields, StringBuilder pending, int line)
    {
        var text = pending.ToString();
        pending.Clear();
        var colon = text.IndexOf(':');
        if (colon > 0)
        {
            fields[text[..colon].Trim()] = (text[(colon + 1)..].Trim(), line);
        }
    }
}
