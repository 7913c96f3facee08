using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Workshops.Campaigns;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>
/// A workshop's people, for those who run it only (the group's filter checks that): what became of each invitation,
/// and the attendance list to print and sign or to tick in the browser. Activists' names go no further.
/// </summary>
public static partial class AdminEndpoints
{
    private static void MapRosterPages(RouteGroupBuilder one)
    {
        one.MapPage(WorkshopPattern + "/status", RecipientStatusAsync);
        one.MapPage(WorkshopPattern + "/attendance", AttendanceAsync);
        one.MapPost(WorkshopPattern + "/attendance", MarkAttendanceAsync);
    }

    private static async Task<IResult> RecipientStatusAsync(HttpContext http, string key, string? state, string? notice, AdminPages pages, WorkshopWorkspace workspace,
        WorkshopRoster roster, UiStrings strings)
    {
        var ui = AdminPages.CultureOf(http);
        if (await workspace.VersionAsync(key, ui) is not { } version) return await NotFoundAsync(http);
        var chosen = state is not null && WorkshopRoster.Filters.Contains(state) ? state : null;
        var all = await roster.StatusAsync(key);
        var rows = all.Where(r => chosen is null || r.States().Contains(chosen)).Select(r => new
        {
            r.Email,
            r.Name,
            r.Language,
            Delivery = r.Delivery?.ToString().ToLowerInvariant(),
            r.Error,
            r.OpenedUtc,
            Answer = r.Answer == MyAlmaty.Learn.Workshops.Invitations.RsvpAnswer.None ? null : r.Answer.ToString().ToLowerInvariant(),
            Registration = r.Registration?.ToString().ToLowerInvariant(),
            r.Attended,
        }).ToList();
        var model = new
        {
            Title = version.Title,
            Url = WorkshopUrl(key),
            Rows = rows,
            Total = all.Count,
            Filters = (IReadOnlyList<OptionView>)[new("", strings.Get(ui, "Everyone invited"), chosen is null), .. WorkshopRoster.Filters.Select(f => new OptionView(f, strings.Get(ui, StateLabel(f)), f == chosen))],
            Counts = WorkshopRoster.Filters.Select(f => new { State = f, Label = strings.Get(ui, StateLabel(f)), Count = all.Count(r => r.States().Contains(f)) }).ToList(),
        };
        return await pages.Render(http, "workshop-status", "workshops", version.Title, model,
            notice: notice == "sent" ? strings.Get(ui, "Invitations queued: they go out in the next minutes.") : null);
    }

    private static string StateLabel(string state) => state switch
    {
        "queued" => "Waiting to be sent",
        "sent" => "Sent",
        "failed" => "Not delivered",
        "opened" => "Opened the invitation page",
        "yes" => "Answered yes",
        "no" => "Answered no",
        "maybe" => "Answered maybe",
        "registered" => "Has a place",
        "waitlisted" => "On the waitlist",
        _ => "Came to the workshop",
    };

    private static async Task<IResult> AttendanceAsync(HttpContext http, string key, AdminPages pages, WorkshopWorkspace workspace, WorkshopRoster roster, string? notice) =>
        await AttendanceViewAsync(http, key, pages, workspace, roster, notice == "saved" ? pages.T(http, CampaignMessages.AttendanceSaved) : null);

    private static async Task<IResult> AttendanceViewAsync(HttpContext http, string key, AdminPages pages, WorkshopWorkspace workspace, WorkshopRoster roster, string? notice)
    {
        var ui = AdminPages.CultureOf(http);
        if (await workspace.VersionAsync(key, ui) is not { } version) return await NotFoundAsync(http);
        var clock = http.RequestServices.GetRequiredService<AlmatyClock>();
        var startsAt = WorkshopWorkspace.Moment(version.Values.GetValueOrDefault("startsAt"));
        var model = new
        {
            Title = version.Title,
            Url = WorkshopUrl(key),
            When = startsAt is { } at ? clock.FormatDateTime(MyAlmaty.Learn.Workshops.WorkshopCalendar.UtcOf(at), ui) : "",
            Venue = version.Values.GetValueOrDefault("venue"),
            People = (await roster.AttendeesAsync(key)).Select((r, i) => new { Number = i + 1, r.Id, r.Name, r.Email, Present = r.CheckedInUtc is not null }).ToList(),
        };
        return await pages.Render(http, "workshop-attendance", "workshops", version.Title, model, notice: notice);
    }

    /// <summary>The ticks of the form are who came; saving again with a tick taken away undoes that check-in.</summary>
    private static async Task<IResult> MarkAttendanceAsync(HttpContext http, string key, IFormCollection form, WorkshopWorkspace workspace, WorkshopRoster roster)
    {
        if (await workspace.VersionAsync(key, AdminPages.CultureOf(http)) is null) return await NotFoundAsync(http);
        var present = form["present"].Select(v => long.TryParse(v, out var id) ? id : 0).Where(id => id > 0).ToHashSet();
        await roster.MarkAsync(key, present, http.User);
        return Results.Redirect($"{WorkshopUrl(key)}/attendance?notice=saved");
    }
}
