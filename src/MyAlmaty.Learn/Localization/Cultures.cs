using System.Globalization;

namespace MyAlmaty.Learn.Localization;

public static class Cultures
{
    public const string Russian = "ru";
    public const string Kazakh = "kk";
    public const string Default = Russian;
    public static readonly IReadOnlyList<string> All = [Russian, Kazakh];

    public static bool IsSupported(string? culture) => culture is Russian or Kazakh;

    public static CultureInfo Get(string culture) => CultureInfo.GetCultureInfo(culture == Kazakh ? "kk-KZ" : "ru-RU");

    public static string FromAcceptLanguage(string? header) =>
        header is not null && header.Contains("kk", StringComparison.OrdinalIgnoreCase) ? Kazakh : Russian;

    public static string Other(string culture) => culture == Kazakh ? Russian : Kazakh;
}
