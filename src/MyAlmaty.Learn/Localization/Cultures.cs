using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace MyAlmaty.Learn.Localization;

public static class Cultures
{
    public const string Russian = "ru";
    public const string Kazakh = "kk";
    public const string Default = Russian;

    public static IReadOnlyList<string> All { get; } = [Russian, Kazakh];

    private static readonly CultureInfo RussianCulture = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo KazakhCulture = CultureInfo.GetCultureInfo("kk-KZ");

    public static bool IsSupported(string? culture) => culture is Russian or Kazakh;

    public static CultureInfo Get(string culture) => culture switch
    {
        Russian => RussianCulture,
        Kazakh => KazakhCulture,
        _ => throw Unsupported(culture),
    };

    public static string Other(string culture) => culture switch
    {
        Russian => Kazakh,
        Kazakh => Russian,
        _ => throw Unsupported(culture),
    };

    public static string FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)
            || !StringWithQualityHeaderValue.TryParseList([header], out var languages))
        {
            return Default;
        }

        // OrderByDescending is stable, so languages of equal weight keep the browser's order.
        foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1.0))
        {
            if (language.Quality is 0)
            {
                continue;
            }

            var tag = language.Value.Value ?? "";
            var dash = tag.IndexOf('-');
            var primary = (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
            if (IsSupported(primary))
            {
                return primary;
            }
        }

        return Default;
    }

    private static ArgumentOutOfRangeException Unsupported(string culture) =>
        new(nameof(culture), culture, $"Culture '{culture}' is not one of: {string.Join(", ", All)}.");
}
