using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

public class AlmatyClockTests
{
    private static readonly DateTimeOffset AnyDayIn2026 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly AlmatyClock _clock = new(new FixedTimeProvider(AnyDayIn2026));

    [Fact]
    public void Noon_UTC_is_five_in_the_afternoon_in_Almaty()
    {
        var almaty = _clock.ToAlmaty(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(5)), almaty);
        Assert.Equal(TimeSpan.FromHours(5), almaty.Offset);
    }

    [Fact]
    public void A_time_read_back_from_the_database_without_a_kind_is_taken_as_UTC() =>
        Assert.Equal(17, _clock.ToAlmaty(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Unspecified)).Hour);

    [Theory]
    [InlineData("ru", "25 ноября 2026 г.")]
    [InlineData("kk", "2026 жылғы 25 қараша")]
    public void A_date_reads_the_way_people_write_it(string culture, string expected) =>
        Assert.Equal(expected, _clock.FormatDate(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), culture));

    [Theory]
    [InlineData("ru", "25 ноября 2026 г., 17:00")]
    [InlineData("kk", "2026 жылғы 25 қараша, 17:00")]
    public void A_date_with_time_uses_the_24_hour_clock(string culture, string expected) =>
        Assert.Equal(expected, _clock.FormatDateTime(new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc), culture));

    [Theory]
    [InlineData("ru", "1 января 2027 г., 01:30")]
    [InlineData("kk", "2027 жылғы 1 қаңтар, 01:30")]
    public void A_late_UTC_evening_is_already_the_next_day_in_Almaty(string culture, string expected) =>
        Assert.Equal(expected, _clock.FormatDateTime(new DateTime(2026, 12, 31, 20, 30, 0, DateTimeKind.Utc), culture));

    [Fact]
    public void Now_comes_from_the_time_provider_in_Almaty_time()
    {
        var clock = new AlmatyClock(new FixedTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.FromHours(5)), clock.Now);
    }

    [Fact]
    public void A_host_whose_tz_database_still_says_UTC_plus_6_gets_a_fixed_UTC_plus_5_zone()
    {
        var outdated = TimeZoneInfo.CreateCustomTimeZone("Asia/Almaty", TimeSpan.FromHours(6), "Almaty (old)", "Almaty (old)");

        var zone = AlmatyClock.ChooseZone(outdated, AnyDayIn2026);

        Assert.Equal(TimeSpan.FromHours(5), zone.GetUtcOffset(AnyDayIn2026));
        Assert.Equal("Asia/Almaty", zone.Id);
    }

    [Fact]
    public void A_host_without_the_zone_gets_a_fixed_UTC_plus_5_zone() =>
        Assert.Equal(TimeSpan.FromHours(5), AlmatyClock.ChooseZone(null, AnyDayIn2026).BaseUtcOffset);

    [Fact]
    public void An_up_to_date_system_zone_is_used_as_it_is()
    {
        var current = TimeZoneInfo.CreateCustomTimeZone("Asia/Almaty", TimeSpan.FromHours(5), "Almaty", "Almaty");

        Assert.Same(current, AlmatyClock.ChooseZone(current, AnyDayIn2026));
    }

    [Fact]
    public void An_unknown_culture_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _clock.FormatDate(DateTime.UtcNow, "en"));
}
