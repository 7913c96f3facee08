using Fluid;
using Fluid.Values;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Web.Themes;

/// <summary>
/// The Liquid filters our themes use on top of Liquid's own:
/// <c>{{ "Courses" | t }}</c>, <c>{{ "Step {0} of {1}" | t: n, total }}</c>,
/// <c>{{ count | plural: "{0} lesson", "{0} lessons" }}</c>, <c>{{ date | local_date }}</c>, <c>{{ date | local_time }}</c> (with the hour),
/// <c>{{ "site.css" | asset_url }}</c>. The page's culture is the ambient value "culture".
/// </summary>
public sealed class ThemeFilters(UiStrings strings, AlmatyClock clock, ThemeAssets assets)
{
    public const string CultureKey = "culture";

    public void Register(FilterCollection filters)
    {
        filters.AddFilter("t", Translate);
        filters.AddFilter("plural", Plural);
        filters.AddFilter("local_date", LocalDate);
        filters.AddFilter("local_time", LocalTime);
        filters.AddFilter("asset_url", AssetUrl);
    }

    private ValueTask<FluidValue> Translate(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var args = Enumerable.Range(0, arguments.Count).Select(i => arguments.At(i).ToObjectValue()).ToArray();
        return new StringValue(strings.Get(CultureOf(context), input.ToStringValue(), args));
    }

    private ValueTask<FluidValue> Plural(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var n = (long)input.ToNumberValue();
        return new StringValue(strings.Plural(CultureOf(context), n, arguments.At(0).ToStringValue(), arguments.At(1).ToStringValue()));
    }

    // Fluid hands dates over as DateTimeOffset.
    private ValueTask<FluidValue> LocalDate(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input.ToObjectValue() switch
        {
            DateTimeOffset moment => new StringValue(clock.FormatDate(moment.UtcDateTime, CultureOf(context))),
            DateTime utc => new StringValue(clock.FormatDate(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CultureOf(context))),
            _ => NilValue.Instance,
        };

    private ValueTask<FluidValue> LocalTime(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        input.ToObjectValue() switch
        {
            DateTimeOffset moment => new StringValue(clock.FormatDateTime(moment.UtcDateTime, CultureOf(context))),
            DateTime utc => new StringValue(clock.FormatDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CultureOf(context))),
            _ => NilValue.Instance,
        };

    private ValueTask<FluidValue> AssetUrl(FluidValue input, FilterArguments arguments, TemplateContext context) =>
        new StringValue(assets.Url(input.ToStringValue()));

    private static string CultureOf(TemplateContext context) =>
        context.AmbientValues.TryGetValue(CultureKey, out var culture) ? (string)culture : Cultures.Default;
}
