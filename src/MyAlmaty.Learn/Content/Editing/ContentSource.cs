using System.Text;
using MyAlmaty.Learn.Content.Types;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MyAlmaty.Learn.Content.Editing;

/// <summary>
/// A version's source — front matter and Markdown — taken apart into the values an editor's form
/// shows and put back together from them. What the form does not show (a quiz's questions, fields a
/// later version of the type reads, the order of fields) is kept as it was; what it changes is
/// written as YAML by YamlDotNet, so quoting is always right. The result is checked by the same parser
/// as a file.
/// </summary>
public static class ContentSource
{
    private const string Fence = "---";

    /// <summary>The front matter as a YAML mapping and the body, or null when the source is not of that shape.</summary>
    public static (YamlMappingNode FrontMatter, string Body)? Split(string source)
    {
        var text = source.TrimStart('\uFEFF').Replace("\r\n", "\n");
        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != Fence) return null;
        var close = Array.FindIndex(lines, 1, l => l.TrimEnd(' ', '\t') == Fence);
        if (close < 0) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(string.Join('\n', lines[1..close])));
            var root = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode as YamlMappingNode;
            return root is null ? null : (root, string.Join('\n', lines[(close + 1)..]).Trim('\n'));
        }
        catch (YamlException)
        {
            return null;
        }
    }

    /// <summary>
    /// What the form shows for each field: a scalar as its text, a list as one item per line, a
    /// flag as true/false. Fields the source does not have are absent.
    /// </summary>
    public static Dictionary<string, string> Values(YamlMappingNode frontMatter)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in frontMatter.Children)
        {
            if (key is not YamlScalarNode { Value: { } name }) continue;
            switch (value)
            {
                case YamlScalarNode scalar:
                    values[name] = scalar.Value ?? "";
                    break;
                case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                    values[name] = string.Join('\n', sequence.Children.Cast<YamlScalarNode>().Select(c => c.Value));
                    break;
            }
        }
        return values;
    }

    /// <summary>A node of the front matter as YAML text, block style, as <see cref="Write"/> would write it.</summary>
    public static string Yaml(YamlNode node)
    {
        var yaml = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(yaml, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, node);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return yaml.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The source with the title, slug, the type's form fields and the body replaced by what the editor
    /// gave; an empty value removes its field. <paramref name="baseSource"/> is the version edited
    /// (null for a new item).
    /// </summary>
    public static string Compose(string? baseSource, IContentTypeDefinition type, string title, string? slug, IReadOnlyDictionary<string, string?> fields, string body)
    {
        var frontMatter = baseSource is null ? null : Split(baseSource)?.FrontMatter;
        frontMatter ??= new YamlMappingNode { { "type", type.Name } };
        Set(frontMatter, "type", type.Name, list: false);
        Set(frontMatter, "title", title, list: false);
        Set(frontMatter, "slug", slug, list: false);
        foreach (var field in type.Fields.Where(f => f.Kind != FieldKind.Sections))
        {
            if (fields.TryGetValue(field.Name, out var value)) Set(frontMatter, field.Name, value, field.IsList);
        }
        return Write(frontMatter, body);
    }

    /// <summary>The source with a new title and body and everything else as it was.</summary>
    public static string WithTitleAndBody(string? baseSource, IContentTypeDefinition type, string title, string body) =>
        Compose(baseSource, type, title, baseSource is null ? null : Split(baseSource) is { } split ? Values(split.FrontMatter).GetValueOrDefault("slug") : null,
            new Dictionary<string, string?>(), body);

    /// <summary>Front matter and body as a file: '---', the YAML, '---', an empty line, the text.</summary>
    public static string Write(YamlMappingNode frontMatter, string body)
    {
        var yaml = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(yaml, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024, indentSequences: true));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, frontMatter);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        var text = new StringBuilder().Append(Fence).Append('\n').Append(yaml.ToString().TrimEnd('\n')).Append('\n').Append(Fence).Append('\n');
        var trimmed = body.Replace("\r\n", "\n").Trim('\n');
        if (trimmed.Length > 0) text.Append('\n').Append(trimmed).Append('\n');
        return text.ToString();
    }

    private static void Set(YamlMappingNode frontMatter, string name, string? value, bool list)
    {
        var key = new YamlScalarNode(name);
        var lines = (value ?? "").Replace("\r", "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0)
        {
            frontMatter.Children.Remove(key);
            return;
        }
        if (list)
        {
            var old = frontMatter.Children.TryGetValue(key, out var o) ? o as YamlSequenceNode : null;
            var sequence = new YamlSequenceNode(lines.Select(l => new YamlScalarNode(l)))
            {
                Style = old?.Style == SequenceStyle.Flow && lines.Count <= 4 ? SequenceStyle.Flow : SequenceStyle.Block,
            };
            frontMatter.Children[key] = sequence;
            return;
        }
        var text = string.Join(' ', lines);
        if (frontMatter.Children.TryGetValue(key, out var existing) && existing is YamlScalarNode scalar && scalar.Value == text) return;
        frontMatter.Children[key] = new YamlScalarNode(text);
    }

    private static void Emit(IEmitter emitter, YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                emitter.Emit(new Scalar(null, null, scalar.Value ?? "", scalar.Style, isPlainImplicit: true, isQuotedImplicit: true));
                break;
            case YamlSequenceNode sequence:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, sequence.Style));
                foreach (var child in sequence.Children) Emit(emitter, child);
                emitter.Emit(new SequenceEnd());
                break;
            case YamlMappingNode mapping:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, mapping.Style));
                foreach (var (key, value) in mapping.Children)
                {
                    Emit(emitter, key);
                    Emit(emitter, value);
                }
                emitter.Emit(new MappingEnd());
                break;
        }
    }
}
