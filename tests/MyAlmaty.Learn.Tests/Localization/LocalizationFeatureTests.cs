using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Tests.Localization;

public sealed class LocalizationFeatureTests : IDisposable
{
    private readonly TempPoDirectory _directory = new(
        russianBody: "msgid \"Courses\"\nmsgstr \"Курсы\"\n",
        kazakhBody: "msgid \"Courses\"\nmsgstr \"Курстар\"\n");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_feature_provides_one_UiStrings_and_one_AlmatyClock()
    {
        using var services = new ServiceCollection().AddLocalizationFeature(_directory.Path).BuildServiceProvider();

        Assert.Equal("Курстар", services.GetRequiredService<UiStrings>().Get("kk", "Courses"));
        Assert.Same(services.GetRequiredService<UiStrings>(), services.GetRequiredService<UiStrings>());
        Assert.Same(services.GetRequiredService<AlmatyClock>(), services.GetRequiredService<AlmatyClock>());
        Assert.Same(TimeProvider.System, services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void A_time_provider_registered_by_the_host_is_kept()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FixedTimeProvider(now))
            .AddLocalizationFeature(_directory.Path)
            .BuildServiceProvider();

        Assert.Equal(17, services.GetRequiredService<AlmatyClock>().Now.Hour);
    }
}
