namespace MyAlmaty.Learn.Localization;

// Placeholder until the localization feature lands.
public sealed class AlmatyClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
    public string FormatDate(DateTime utc, string culture) => utc.AddHours(5).ToString("D", Cultures.Get(culture));
}
