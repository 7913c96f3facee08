using System.Buffers;
using System.Text;

namespace MyAlmaty.Learn.Localization;

public static class PoParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static PoCatalog Load(string path, string culture)
    {
        var fileName = Path.GetFileName(path);
        var bytes = File.ReadAllBytes(path);
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new PoFormatException(fileName, LineOfInvalidUtf8(bytes), "the file is not valid UTF-8; save it as UTF-8", ex);
        }

        return Parse(text, culture, fileName);
    }

    public static PoCatalog Parse(string text, string culture, string fileName)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var raw = new PoReader(text, fileName).Read();
        var header = raw.FirstOrDefault(e => e.Context is null && e.Id!.Value.Length == 0)
            ?? throw new PoFormatException(fileName, 1,
                "no header entry (msgid \"\" with a msgstr holding Plural-Forms); it must come before the first entry");
        var pluralForms = ReadHeader(header, culture, fileName);

        var entries = new List<PoEntry>(raw.Count);
        var firstLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in raw.Where(e => e != header))
        {
            var id = entry.Id!.Value;
            var context = entry.Context?.Value;
            if (!firstLines.TryAdd(PoCatalog.Key(context, id), entry.Line))
            {
                throw new PoFormatException(fileName, entry.Line,
                    $"msgid \"{id}\"{(context is null ? "" : $" with msgctxt \"{context}\"")} is already defined on line {firstLines[PoCatalog.Key(context, id)]}");
            }

            if (entry.IdPlural is not null)
            {
                CheckPluralCount(entry, pluralForms.NPlurals, fileName);
            }

            var translations = entry.IdPlural is null
                ? [entry.Translation!.Value]
                : entry.PluralTranslations.Select(f => f.Value).ToArray();
            entries.Add(new PoEntry(context, id, entry.IdPlural?.Value, translations, entry.IsFuzzy, entry.Line));
        }

        return new PoCatalog(culture, fileName, pluralForms, entries);
    }

    // The header is read even when marked fuzzy: Plural-Forms describes the language, not a translation.
    private static PluralFormula ReadHeader(RawPoEntry header, string culture, string fileName)
    {
        if (header.Translation is null)
        {
            throw new PoFormatException(fileName, header.Line, "the header entry (msgid \"\") needs a plain msgstr");
        }

        var fields = PoHeader.Read(header.Translation);
        if (fields.TryGetValue("Language", out var language))
        {
            var primary = language.Value.Split('-', '_')[0].ToLowerInvariant();
            if (primary != culture)
            {
                throw new PoFormatException(fileName, language.Line,
                    $"Language is \"{language.Value}\" but this file is loaded as the '{culture}' catalog");
            }
        }

        if (fields.TryGetValue("Content-Type", out var contentType)
            && contentType.Value.Contains("charset=", StringComparison.OrdinalIgnoreCase)
            && !contentType.Value.Contains("charset=UTF-8", StringComparison.OrdinalIgnoreCase))
        {
            throw new PoFormatException(fileName, contentType.Line,
                $"Content-Type is \"{contentType.Value}\" but PO files must be UTF-8 (charset=UTF-8)");
        }

        if (!fields.TryGetValue("Plural-Forms", out var pluralForms))
        {
            throw new PoFormatException(fileName, header.Line,
                "the header has no Plural-Forms, e.g. \"Plural-Forms: nplurals=2; plural=(n!=1);\\n\"");
        }

        try
        {
            return PluralFormula.Parse(pluralForms.Value);
        }
        catch (PoFormatException ex)
        {
            throw new PoFormatException(fileName, pluralForms.Line, ex.Problem, ex);
        }
    }

    private static void CheckPluralCount(RawPoEntry entry, int nPlurals, string fileName)
    {
        var forms = entry.PluralTranslations;
        if (forms.Count > nPlurals)
        {
            throw new PoFormatException(fileName, forms[nPlurals].Line,
                $"msgstr[{nPlurals}] but Plural-Forms says nplurals={nPlurals}");
        }

        if (forms.Count < nPlurals)
        {
            throw new PoFormatException(fileName, forms[^1].Line,
                $"msgid_plural \"{entry.IdPlural!.Value}\" has {forms.Count} forms but Plural-Forms says nplurals={nPlurals}; add msgstr[{forms.Count}]");
        }
    }

    private static int LineOfInvalidUtf8(byte[] bytes)
    {
        var line = 1;
        var rest = bytes.AsSpan();
        while (Rune.DecodeFromUtf8(rest, out _, out var consumed) == OperationStatus.Done)
        {
            line += rest[0] == '\n' ? 1 : 0;
            rest = rest[consumed..];
        }

        return line;
    }
}
