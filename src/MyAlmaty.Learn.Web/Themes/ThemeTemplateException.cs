namespace MyAlmaty.Learn.Web.Themes;

/// <summary>A template that does not parse or fails to render, with where it happened.</summary>
public sealed class ThemeTemplateException(string template, int? line, string reason, Exception? inner = null)
    : Exception($"{template}{(line is { } l ? $", line {l}" : "")}: {reason}", inner)
{
    public string Template { get; } = template;
    public int? Line { get; } = line;
    public string Reason { get; } = reason;
}
