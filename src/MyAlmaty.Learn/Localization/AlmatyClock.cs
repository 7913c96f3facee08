namespace MyAlmaty.Learn.Localization;

public sealed class AlmatyClock
{
    private const string ZoneId = "Asia/Almaty";

    // Kazakhstan moved to a single UTC+5 on 2024-03-01.
    private static readonly TimeSpan Offset = TimeSpan.FromHours(5);

    // Written out rather than taken from ICU: its long dates carry the weekday, and for kk-KZ
    // it gives the clipped "2026 ж. 25 қараша, сәрсенбі" where people write "2026 жылғы 25 қараша".
    private static readonly Dictionary<string, string> DatePatterns = new(StringComparer.Ordinal)
    {
        [Cultures.Russian] = "d MMMM yyyy 'г.'",
        [Cultures.Kazakh] = "yyyy 'жылғы' d MMMM",
    };

    private readonly TimeProvider _timeProvider;

    public AlmatyClock(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        Zone = ChooseZone(FindSystemZone(), timeProvider.GetUtcNow());
    }

    public TimeZoneInfo Zone { get; }

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(_timeProvider.GetUtcNow(), Zone);

    public DateTimeOffset ToAlmaty(DateTime utc)
    {
        // SQLite hands stored UTC values back as Unspecified; only a Local value needs converting first.
        var asUtc = utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(asUtc), Zone);
    }

    public string FormatDate(DateTime utc, string culture) =>
        ToAlmaty(utc).ToString(DatePattern(culture), Cultures.Get(culture));

    public string FormatDateTime(DateTime utc, string culture) =>
        ToAlmaty(utc).ToString(DatePattern(culture) + ", HH:mm", Cultures.Get(culture));

    // Hosts with a tz database older than 2024 still put Almaty at UTC+6; a fixed +5 is right
    // for every date the site shows, while an up-to-date system zone also keeps older dates right.
    internal static TimeZoneInfo ChooseZone(TimeZoneInfo? system, DateTimeOffset now) =>
        system is not null && system.GetUtcOffset(now) == Offset
            ? system
            : TimeZoneInfo.CreateCustomTimeZone(ZoneId, Offset, "(UTC+05:00) Almaty", "Almaty Time");

    private static TimeZoneInfo? FindSystemZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static string DatePattern(string culture) =>
        DatePatterns.TryGetValue(culture, out var pattern)
            ? pattern
            : throw new ArgumentOutOfRangeException(nameof(culture), culture, $"No date format for culture '{culture}'.");
}
