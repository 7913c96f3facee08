using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Mail;
using MyAlmaty.Learn.Tests.Content;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>Sites with the sample content and workshops of a test's own, and what their registrations wrote.</summary>
internal static partial class WorkshopSites
{
    /// <summary>A workshop file; <paramref name="startsAt"/> is Almaty time.</summary>
    public static string Workshop(string title, DateTime startsAt, int? capacity, string languages = "[ru, kk]", string? course = null) => $"""
        ---
        type: Workshop
        title: {title}
        summary: Встреча о дворах.
        startsAt: {startsAt:yyyy-MM-dd HH:mm}
        endsAt: {startsAt.AddHours(2):yyyy-MM-dd HH:mm}
        languages: {languages}
        venue: Алматы, ул. Абылай хана, 91
        {(capacity is { } c ? $"capacity: {c}" : "")}
        {(course is null ? "" : $"course: {course}")}
        ---
        Приходите со своим двором в голове.
        """.Replace("\r\n", "\n");

    /// <summary>Almaty time, whole minutes, <paramref name="days"/> from now.</summary>
    public static DateTime InDays(double days) => Minutes(DateTime.UtcNow.AddHours(5).AddDays(days));

    public static DateTime Minutes(DateTime t) => new(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0);

    /// <summary>The sample content with the given workshops (file name → text) beside it, in a folder the caller disposes of.</summary>
    public static TempFolder WithWorkshops(params (string File, string Text)[] workshops)
    {
        var content = new TempFolder();
        SampleContent.WriteTo(content);
        foreach (var (file, text) in workshops) content.Write($"workshops/{file}", text);
        return content;
    }

    public static async Task<T> InScopeAsync<T>(TestSite site, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public static Task<List<WorkshopRegistration>> RegistrationsAsync(TestSite site, string workshopKey) =>
        InScopeAsync(site, sp => sp.GetRequiredService<LearnDbContext>().Set<WorkshopRegistration>().AsNoTracking().Where(r => r.WorkshopKey == workshopKey).ToListAsync());

    public static Task<int> SeatsTakenAsync(TestSite site, string workshopKey) =>
        InScopeAsync(site, sp => sp.GetRequiredService<LearnDbContext>().Set<WorkshopSeats>().Where(s => s.WorkshopKey == workshopKey).Select(s => s.Taken).SingleAsync());

    /// <summary>The emails written to the outbox for <paramref name="to"/>, oldest first: exact at once, whatever the sender has delivered yet.</summary>
    public static Task<List<OutboxMessage>> OutboxAsync(TestSite site, string to) =>
        InScopeAsync(site, sp => sp.GetRequiredService<LearnDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync());

    [GeneratedRegex(@"https?://[^\s""<>]+/(ru|kk)/workshops/(ticket|cancel)/[A-Za-z0-9_\-]+")]
    private static partial Regex WorkshopLinkPattern();

    /// <summary>The workshop link of a kind (ticket, cancel) in a text, as a path on the site.</summary>
    public static string? LinkIn(string text, string kind) =>
        WorkshopLinkPattern().Matches(text).Where(m => m.Groups[2].Value == kind).Select(m => new Uri(m.Value).PathAndQuery).FirstOrDefault();
}
