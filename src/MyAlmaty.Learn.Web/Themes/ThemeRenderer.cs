using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.RegularExpressions;
using Fluid;
using Microsoft.Extensions.FileProviders;

namespace MyAlmaty.Learn.Web.Themes;

/// <summary>
/// Renders a theme's Liquid views (themes/&lt;Name&gt;/views/*.liquid) inside its layout with Fluid.
/// Parsed templates are cached; when <paramref name="watch"/> is on, a changed file is parsed again,
/// so an editor sees a template change without restarting.
/// </summary>
public sealed partial class ThemeRenderer
{
    // Cyrillic and Kazakh letters are written as they are, not as numeric entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FluidParser _parser = new();
    private readonly TemplateOptions _options = new();
    private readonly ConcurrentDictionary<string, (DateTime Stamp, IFluidTemplate Template)> _templates = new(StringComparer.Ordinal);
    private readonly string _views;
    private readonly bool _watch;
    private readonly ThemeLocation _theme;

    public ThemeRenderer(ThemeLocation theme, ThemeFilters filters, bool watch)
    {
        _theme = theme;
        _views = Path.Combine(theme.Directory, "views");
        _watch = watch;
        _options.FileProvider = new PhysicalFileProvider(_views);
        _options.MemberAccessStrategy = new UnsafeMemberAccessStrategy { MemberNameStrategy = MemberNameStrategies.SnakeCase };
        // A calendar day (e.g. a session date) is noon UTC, which is the same day in Almaty.
        _options.ValueConverters.Add(v => v is DateOnly day ? new Fluid.Values.DateTimeValue(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)) : null);
        filters.Register(_options.Filters);
    }

    public string ThemeName => _theme.Manifest.Name;

    /// <summary>Renders <paramref name="view"/> with the given values, then the layout around it.</summary>
    public async Task<string> RenderAsync(string view, string culture, IReadOnlyDictionary<string, object?> values)
    {
        var context = NewContext(culture, values);
        var body = await RenderOneAsync($"views/{view}", context, Encoder);
        context.SetValue("content", new Fluid.Values.StringValue(body, encode: false));
        return await RenderOneAsync($"views/{_theme.Manifest.Layout}", context, Encoder);
    }

    /// <summary>
    /// An email: emails/&lt;name&gt;.liquid is the HTML body and sets <c>subject</c>;
    /// emails/&lt;name&gt;.txt.liquid is the plain-text body.
    /// </summary>
    public async Task<(string Subject, string Html, string Text)> RenderEmailAsync(string name, string culture, IReadOnlyDictionary<string, object?> values)
    {
        var context = NewContext(culture, values);
        var html = await RenderOneAsync($"emails/{name}", context, Encoder);
        var subject = context.GetValue("subject").ToStringValue().Trim();
        var text = await RenderOneAsync($"emails/{name}.txt", NewContext(culture, values), NullEncoder.Default);
        if (subject.Length == 0) throw new ThemeTemplateException(TemplatePath($"emails/{name}"), null, "the email sets no subject");
        return (subject, html, text);
    }

    private TemplateContext NewContext(string culture, IReadOnlyDictionary<string, object?> values)
    {
        var context = new TemplateContext(_options);
        context.CultureInfo = Localization.Cultures.Get(culture);
        context.AmbientValues[ThemeFilters.CultureKey] = culture;
        foreach (var (name, value) in values) context.SetValue(name, value);
        return context;
    }

    private async Task<string> RenderOneAsync(string name, TemplateContext context, TextEncoder encoder)
    {
        var template = Get(name);
        try
        {
            // Not isolated: what a view assigns (e.g. page_title) is read by the layout.
            return await template.RenderAsync(context, encoder, isolateContext: false);
        }
        catch (Exception e) when (e is not ThemeTemplateException)
        {
            throw new ThemeTemplateException(TemplatePath(name), LineIn(e.Message), e.Message, e);
        }
    }

    private IFluidTemplate Get(string name)
    {
        var path = Path.Combine(_theme.Directory, name + ".liquid");
        if (!_watch && _templates.TryGetValue(name, out var cached)) return cached.Template;
        if (!File.Exists(path)) throw new ThemeTemplateException(TemplatePath(name), null, "the template file does not exist");
        var stamp = File.GetLastWriteTimeUtc(path);
        if (_templates.TryGetValue(name, out cached) && cached.Stamp == stamp) return cached.Template;
        if (!_parser.TryParse(File.ReadAllText(path), out var template, out var error))
        {
            throw new ThemeTemplateException(TemplatePath(name), LineIn(error), error);
        }
        _templates[name] = (stamp, template);
        return template;
    }

    private string TemplatePath(string name) => $"themes/{Path.GetFileName(_theme.Directory)}/{name}.liquid";

    [GeneratedRegex(@"\((\d+):\d+\)")]
    private static partial Regex Position();

    /// <summary>Fluid reports positions as "(line:column)".</summary>
    private static int? LineIn(string message) =>
        Position().Match(message) is { Success: true } m ? int.Parse(m.Groups[1].Value) : null;
}
