using System.Net;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Tests.Admin;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Workshops.Registrations;

namespace MyAlmaty.Learn.Tests.Workshops;

/// <summary>What a facilitator does in the workspace, through its forms: a workshop made, published, people registered.</summary>
internal static class WorkshopDesk
{
    /// <summary>Fills the new-workshop form of the workspace as a person would and saves it; publishes it when asked.</summary>
    public static async Task<HttpResponseMessage> CreateAsync(HttpClient client, string key, string title, int? capacity = 30, bool publish = true, string culture = "ru")
    {
        var (_, form) = await AdminForms.OpenAsync(client, $"/admin/workshops/new/{culture}");
        var fields = AdminForms.Fields(form);
        var starts = DateTime.UtcNow.AddHours(5).AddDays(14).Date.AddHours(18);
        fields["key"] = key;
        fields["title"] = title;
        fields["body"] = "Говорим о дворах и о том, как их менять.";
        fields["f.startsAt"] = $"{starts:yyyy-MM-dd HH:mm}";
        fields["f.endsAt"] = $"{starts.AddHours(2):yyyy-MM-dd HH:mm}";
        fields["f.languages"] = culture;
        fields["f.venue"] = "Алматы, ул. Абылай хана, 91";
        fields["f.capacity"] = capacity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var created = await AdminForms.PostAsync(client, $"/admin/workshops/new/{culture}", fields);
        if (created.StatusCode != HttpStatusCode.Redirect || !publish) return created;
        var (_, edit) = await AdminForms.OpenAsync(client, $"/admin/workshops/{key}/edit/{culture}");
        return await AdminForms.PostAsync(client, $"/admin/workshops/{key}/edit/{culture}/publish", Token(edit));
    }

    /// <summary>Only the antiforgery token of the page's first form.</summary>
    public static Dictionary<string, string> Token(IDocument page)
    {
        // The antiforgery field comes first in every admin form.
        var input = page.QuerySelector("form[method='post'] input[type='hidden']")!;
        return new() { [input.GetAttribute("name")!] = input.GetAttribute("value")! };
    }

    /// <summary>People with a place at the workshop, as the registration service keeps them.</summary>
    public static async Task<IReadOnlyList<long>> RegisterAsync(TestSite site, string key, params string[] emails)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LearnDbContext>();
        var rows = emails.Select((e, i) => new WorkshopRegistration
        {
            WorkshopKey = key,
            Name = $"Участник {i + 1}",
            Email = e,
            NormalizedEmail = e.ToUpperInvariant(),
            Culture = "ru",
            Status = RegistrationStatus.Registered,
            CreatedUtc = DateTime.UtcNow,
            StatusChangedUtc = DateTime.UtcNow,
        }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }
}
