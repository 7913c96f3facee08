using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Localization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MyAlmaty.Learn.Content.Import;

/// <summary>
/// Turns one file of content/ into a <see cref="ContentFile"/>, or into problems that name
/// the file, the line and the reason. Never throws for bad input.
/// </summary>
public sealed partial class ContentFileParser(ContentTypeRegistry types)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex("^(?<key>[a-z0-9]+(?:-[a-z0-9]+)*)\\.(?<culture>[a-z]{2})\\.md$")]
    private static partial Regex FileNamePattern();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    internal static partial Regex SlugPattern();

    /// <summary>Text typed in the browser, checked exactly as the file <paramref name="path"/> would be.</summary>
    public ContentFile? ParseText(string path, string text, List<ImportProblem> problems) =>
        Parse(path, new UTF8Encoding(false).GetBytes(text), problems);

    public ContentFile? Parse(string path, byte[] bytes, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var name = FileNamePattern().Match(System.IO.Path.GetFileName(path));
        if (!name.Success || !Cultures.IsSupported(name.Groups["culture"].Value))
        {
            problems.Add(ImportProblem.Error(path, null, ImportMessages.BadFileName));
            return null;
        }
        var text = Decode(path, bytes, problems);
        if (text is null) return null;
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;

        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r') != "---")
        {
            problems.Add(ImportProblem.Error(path, 1, ImportMessages.NoFrontMatter));
            return null;
        }
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd('\r', ' ', '\t') == "---");
        if (close < 0)
        {
            problems.Add(ImportProblem.Error(path, 1, ImportMessages.UnclosedFrontMatter));
            return null;
        }
        var tab = Array.FindIndex(lines, 1, close - 1, l => l.StartsWith('\t'));
        if (tab > 0)
        {
            // YamlDotNet reports a tab indentation at line 1, so it is caught here with its real line.
            problems.Add(ImportProblem.Error(path, tab + 1, ImportMessages.TabIndentation));
            return null;
        }
        var root = LoadYaml(path, string.Join('\n', lines[1..close]), problems);
        if (root is null) return null;

        // YAML lines count from 1 at the line after the opening '---'.
        var fm = new FrontMatter(path, root, lineOffset: 1, endLine: close + 1, problems);
        var culture = name.Groups["culture"].Value;
        var key = fm.Text("translationKey", maxLength: 200) ?? name.Groups["key"].Value;
        if (!SlugPattern().IsMatch(key)) fm.Error("translationKey", ImportMessages.BadKey, key);
        if (fm.Text("culture") is { } declared && declared != culture) fm.Error("culture", ImportMessages.CultureMismatch, declared, culture);

        var typeName = fm.Text("type", required: true);
        IContentTypeDefinition? type = null;
        if (typeName is not null && !types.TryGet(typeName, out type))
        {
            fm.Error("type", ImportMessages.UnknownType, typeName, string.Join(", ", types.Names.Order()));
        }
        var title = fm.Text("title", required: true, maxLength: 300);
        var declaredSlug = fm.Text("slug", maxLength: 200);
        var slug = declaredSlug ?? key;
        // A slug taken from a bad key is the same mistake: report it once, on the key.
        if (declaredSlug is not null && !SlugPattern().IsMatch(declaredSlug)) fm.Error("slug", ImportMessages.BadSlug, declaredSlug);
        var status = fm.Text("status") ?? "published";
        if (status is not ("published" or "draft")) fm.Error("status", ImportMessages.BadStatus, status);

        var metadata = type?.Read(fm);
        var references = type?.References(fm).ToList() ?? [];
        var rawBody = string.Join('\n', lines[(close + 1)..]).Replace("\r", "");
        var body = rawBody.Trim('\n');
        var bodyLine = close + 2 + (rawBody.Length - rawBody.TrimStart('\n').Length);
        if (type is { BodyRequired: true } && string.IsNullOrWhiteSpace(body))
        {
            problems.Add(ImportProblem.Error(path, close + 1, ImportMessages.EmptyBody) with { Field = "body" });
        }
        fm.WarnAboutUnreadFields();
        ReportMixedScript(path, lines, close, root, type, problems);

        if (problems.Skip(before).Any(p => p.Severity == ProblemSeverity.Error) || type is null || metadata is null || title is null)
        {
            return null;
        }
        return new ContentFile
        {
            Path = path,
            ContentType = type.Name,
            Culture = culture,
            TranslationKey = key,
            Title = title,
            Slug = slug,
            SlugLine = fm.LineOf("slug") ?? 1,
            Draft = status == "draft",
            Body = body,
            BodyLine = bodyLine,
            Metadata = metadata,
            References = references,
            Hash = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            Source = (start == 0 ? "" : "\uFEFF") + text,
        };
    }

    /// <summary>
    /// Warns about words that mix Latin and Cyrillic letters in the title, the text fields (a quiz's
    /// questions too) and the body, with the line and column in the file.
    /// </summary>
    private static void ReportMixedScript(string path, string[] lines, int close, YamlMappingNode root, IContentTypeDefinition? type, List<ImportProblem> problems)
    {
        // A top-level field's value runs from its key's line to the next key's; YAML line n is the file's line n + 1.
        var keys = root.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not null).OrderBy(k => k.Start.Line).ToList();
        var found = new List<MixedWord>();
        for (var k = 0; k < keys.Count; k++)
        {
            var name = keys[k].Value!;
            var kind = type?.Fields.FirstOrDefault(f => f.Name == name)?.Kind;
            if (name != "title" && kind is not (FieldKind.Text or FieldKind.LongText or FieldKind.TextList or FieldKind.Sections)) continue;
            var from = (int)keys[k].Start.Line;
            var to = k + 1 < keys.Count ? (int)keys[k + 1].Start.Line : close;
            Report(from, Math.Min(to, close), name);
        }
        Report(close + 1, lines.Length, "body");

        void Report(int from, int to, string field)
        {
            found.Clear();
            MixedScript.Find(lines, from, to, found);
            foreach (var word in found)
            {
                problems.Add(ImportProblem.Warning(path, word.Line, ImportMessages.MixedScript, word.Word, word.Column) with { Field = field, Column = word.Column });
            }
        }
    }

    private static string? Decode(string path, byte[] bytes, List<ImportProblem> problems)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            problems.Add(ImportProblem.Error(path, LineAt(bytes, nul), ImportMessages.Binary));
            return null;
        }
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            problems.Add(ImportProblem.Error(path, LineAt(bytes, start + Math.Max(0, e.Index)), ImportMessages.NotUtf8));
            return null;
        }
    }

    private static int LineAt(byte[] bytes, int index) => 1 + bytes.AsSpan(0, Math.Min(index, bytes.Length)).Count((byte)'\n');

    private static YamlMappingNode? LoadYaml(string path, string yaml, List<ImportProblem> problems)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                problems.Add(ImportProblem.Error(path, 2, ImportMessages.FrontMatterNotMapping));
                return null;
            }
            return root;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            problems.Add(ImportProblem.Error(path, 1 + (int)e.Start.Line, ImportMessages.BadYaml, Clean(reason)));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // Some malformed flow collections end the parser without a position.
            problems.Add(ImportProblem.Error(path, 2, ImportMessages.BadYaml, e.Message));
            return null;
        }
    }

    // YamlDotNet prefixes its messages with "(Line: 3, Col: 1, Idx: …) - (…): "; the line is reported separately.
    private static string Clean(string message)
    {
        var i = message.LastIndexOf("): ", StringComparison.Ordinal);
        return i >= 0 ? message[(i + 3)..] : message;
    }
}
