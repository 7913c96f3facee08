using Microsoft.AspNetCore.Http.HttpResults;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Workshops;
using MyAlmaty.Learn.Workshops.Campaigns;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>
/// Marks an endpoint of one workshop (its key in the address): besides <c>workshops.run</c> the person must be one of
/// the workshop's facilitators, or hold <c>workshops.all</c>. Kept as metadata so the permission matrix knows it.
/// </summary>
public sealed record WorkshopScope(string Needed = WorkshopPermissions.RunAll);

/// <summary>
/// The facilitators' workspace at /admin/workshops: their workshops, created and edited with the admin's own form
/// (built from the Workshop type's declared fields and saved through ContentEditing), but authorised by the
/// workshop's facilitator list, since facilitators hold no content permission.
/// </summary>
public static partial class AdminEndpoints
{
    private const string WorkshopPattern = "/workshops/{key}";
    private const string WorkshopEditPattern = WorkshopPattern + "/edit/{culture:culture}";

    private static void MapWorkshopPages(RouteGroupBuilder admin)
    {
        admin.MapPage("/workshops", WorkshopListAsync).RequirePermission(WorkshopPermissions.Run);
        admin.MapPage("/workshops/new/{culture:culture}", NewWorkshopAsync).RequirePermission(WorkshopPermissions.Run);
        admin.MapPost("/workshops/new/{culture:culture}", CreateWorkshopAsync).RequirePermission(WorkshopPermissions.Run);
        var one = admin.MapGroup("").RequirePermission(WorkshopPermissions.Run).WithMetadata(new WorkshopScope()).AddEndpointFilter(WorkshopAccessAsync);
        one.MapPage(WorkshopPattern, WorkshopOverviewAsync);
        one.MapPost(WorkshopPattern + "/facilitators", AddFacilitatorAsync);
        one.MapPage(WorkshopEditPattern, EditWorkshopAsync);
        one.MapPost(WorkshopEditPattern, (HttpContext http, string culture, string key, IFormCollection form) => SaveWorkshopAsync(http, culture, key, form, publish: false));
        one.MapPost(WorkshopEditPattern + "/save-and-publish", (HttpContext http, string culture, string key, IFormCollection form) => SaveWorkshopAsync(http, culture, key, form, publish: true));
        // The item's own handlers, reached through the workshop's address: the filter names the type's folder and sends their redirects back here.
        one.MapPost(WorkshopEditPattern + "/preview", PreviewAsync);
        one.MapPost(WorkshopEditPattern + "/publish", (HttpContext http, string culture, string key, IFormCollection form) => PublishAsync(http, culture, key, publish: true));
        one.MapPost(WorkshopEditPattern + "/unpublish", (HttpContext http, string culture, string key, IFormCollection form) => PublishAsync(http, culture, key, publish: false));
        one.MapPost(WorkshopEditPattern + "/schedule", ScheduleAsync);
        one.MapPost(WorkshopEditPattern + "/unschedule", (HttpContext http, string culture, string key, IFormCollection form) => UnscheduleAsync(http, culture, key));
        MapCampaignPages(one);
        MapRosterPages(one);
    }

    private static WorkshopType WorkshopTypeOf(HttpContext http) => (WorkshopType)http.RequestServices.GetRequiredService<ContentTypeRegistry>().Get(WorkshopTypeNames.Workshop);

    internal static string WorkshopUrl(string key) => $"/admin/workshops/{key}";

    internal static string WorkshopEditUrl(string key, string culture) => $"/admin/workshops/{key}/edit/{culture}";

    /// <summary>
    /// Refuses, with the themed 403, a person who does not run the workshop, before anything of it is read; a key that
    /// cannot be a workshop's is a 404. The content handlers reused here find the type by the route's folder.
    /// </summary>
    private static async ValueTask<object?> WorkshopAccessAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.GetRouteValue("key") is not string key || !KeyPattern().IsMatch(key) || key.Length > 200) return await NotFoundAsync(http);
        if (!await http.RequestServices.GetRequiredService<WorkshopWorkspace>().RunsAsync(http.User, key))
        {
            return await Refusals.ResultAsync(http, StatusCodes.Status403Forbidden, Refusals.NoPermission);
        }
        http.Request.RouteValues["folder"] = WorkshopTypeOf(http).Folder;
        var result = await next(context);
        var contentUrl = $"/admin/content/{WorkshopTypeOf(http).Folder}/";
        if (result is RedirectHttpResult redirect && redirect.Url.StartsWith(contentUrl, StringComparison.Ordinal) && http.GetRouteValue("culture") is string culture)
        {
            var rest = redirect.Url[(contentUrl.Length + culture.Length + 1 + key.Length)..];
            return Results.Redirect(WorkshopEditUrl(key, culture) + rest);
        }
        return result;
    }

    private static async Task<IResult> WorkshopListAsync(HttpContext http, AdminPages pages, WorkshopWorkspace workspace, UiStrings strings)
    {
        var ui = AdminPages.CultureOf(http);
        var rows = await workspace.ListAsync(http.User, ui);
        var clock = http.RequestServices.GetRequiredService<AlmatyClock>();
        object View(WorkshopRow r) => new
        {
            r.Title,
            r.Culture,
            Url = WorkshopUrl(r.Key),
            When = r.StartsAt is { } at ? clock.FormatDateTime(WorkshopCalendar.UtcOf(at), ui) : "",
            Places = r.Capacity is { } c ? strings.Get(ui, "{0} of {1}", r.Registered, c) : r.Registered.ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.Waitlisted,
            r.Invited,
            r.Yes,
            r.No,
            r.Maybe,
            r.Attended,
            r.Published,
        };
        var model = new
        {
            Upcoming = rows.Where(r => !workspace.IsPast(r)).Select(View).ToList(),
            Past = rows.Where(workspace.IsPast).Reverse().Select(View).ToList(),
            NewUrls = Cultures.All.Select(c => new LinkView(c == Cultures.Kazakh ? "Қазақша" : "Русский", $"/admin/workshops/new/{c}")).ToList(),
        };
        return await pages.Render(http, "workshops", "workshops", strings.Get(ui, "Workshops"), model);
    }

    private static async Task<IResult> NewWorkshopAsync(HttpContext http, string culture, AdminPages pages)
    {
        var type = WorkshopTypeOf(http);
        var model = await EditViewAsync(http, type, Blank(type, culture), new Dictionary<string, string>(), "", "", "", "", []);
        return await pages.Render(http, "content-edit", "workshops", pages.T(http, "New workshop"), NewWorkshopView(model, culture, ""));
    }

    private static EditView NewWorkshopView(EditView model, string culture, string key) => model with
    {
        IsNew = true,
        NewKey = key,
        Item = model.Item with { Url = $"/admin/workshops/new/{culture}" },
        CanTranslate = false,
        CanDelete = false,
    };

    /// <summary>A new workshop, or the first version of a workshop's other language; its creator runs it from now on.</summary>
    private static async Task<IResult> CreateWorkshopAsync(HttpContext http, string culture, IFormCollection form, AdminPages pages, ContentEditing editing, WorkshopWorkspace workspace)
    {
        var type = WorkshopTypeOf(http);
        var key = form["key"].ToString().Trim();
        var (title, slug, body, values, note) = FormValues(form, type, key);
        var blank = Blank(type, culture);
        var me = AdminPages.UserId(http)!;
        IReadOnlyList<ImportProblem> problems;
        if (!KeyPattern().IsMatch(key) || key.Length > 200)
        {
            problems = [ImportProblem.Error(blank.Path, null, ImportMessages.BadKey, key) with { Field = "key" }];
        }
        else if (await workspace.VersionAsync(key, culture) is not null && !await workspace.RunsAsync(http.User, key))
        {
            // Another person's workshop under this key: a translation of it is theirs to make, and the key is no way in.
            problems = [ImportProblem.Error(blank.Path, null, EditingMessages.KeyTaken, key) with { Field = "key" }];
        }
        else
        {
            var ckey = new ContentKey(culture, type.Name, key);
            var source = ContentSource.Compose(null, type, title, slug, values, body);
            switch (await editing.SaveAsync(ckey, source, null, me, note, publish: false))
            {
                case SaveOutcome.Saved:
                    await workspace.AssignAsync(key, me);
                    return Results.Redirect($"{WorkshopEditUrl(key, culture)}?notice=saved");
                case SaveOutcome.Invalid invalid:
                    problems = invalid.Problems;
                    break;
                default:
                    problems = [ImportProblem.Error(blank.Path, null, EditingMessages.KeyTaken, key) with { Field = "key" }];
                    break;
            }
        }
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var model = await EditViewAsync(http, type, blank, values.ToDictionary(v => v.Key, v => v.Value ?? ""), title, slug ?? "", body, note ?? "", problems);
        model = NewWorkshopView(model, culture, key) with
        {
            KeyErrors = problems.Where(p => p.Field == "key").Select(p => strings.Get(AdminPages.CultureOf(http), p.Message, [.. p.Arguments])).ToList(),
        };
        return await pages.Render(http, "content-edit", "workshops", pages.T(http, "New workshop"), model, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> EditWorkshopAsync(HttpContext http, string culture, string key, ContentEditing editing, AdminPages pages, string? notice)
    {
        var type = WorkshopTypeOf(http);
        if (await editing.VersionAsync(new ContentKey(culture, type.Name, key)) is not { } version)
        {
            // The other language exists: this one is made new, with the same key.
            if (await editing.VersionAsync(new ContentKey(Cultures.Other(culture), type.Name, key)) is null) return await NotFoundAsync(http);
            var blank = await EditViewAsync(http, type, Blank(type, culture), new Dictionary<string, string>(), "", "", "", "", []);
            return await pages.Render(http, "content-edit", "workshops", pages.T(http, "New workshop"), NewWorkshopView(blank, culture, key));
        }
        var model = await EditViewAsync(http, type, version, version.Values, version.Title, version.Slug, version.Body, "", []);
        return await pages.Render(http, "content-edit", "workshops", version.Title, InWorkspace(model, key), notice: NoticeText(http, pages, notice));
    }

    /// <summary>The admin's edit form, its addresses turned to the workspace's and the content-only actions left out.</summary>
    private static EditView InWorkspace(EditView model, string key) => model with
    {
        Item = model.Item with
        {
            Url = WorkshopEditUrl(key, model.Item.Culture),
            TranslationUrl = WorkshopEditUrl(key, Cultures.Other(model.Item.Culture)),
            Tabs = false,
        },
        Counterpart = model.Counterpart is { } c ? c with { Url = WorkshopEditUrl(key, c.Culture) } : null,
        CanPublish = true,
        CanDelete = false,
        CanTranslate = false,
    };

    /// <summary>
    /// Saves the form as the admin does, with one rule of the workspace first: the places cannot drop below the people
    /// who already hold one (they would lose it without being told). Refused, the form comes back as typed.
    /// </summary>
    private static async Task<IResult> SaveWorkshopAsync(HttpContext http, string culture, string key, IFormCollection form, bool publish)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var editing = http.RequestServices.GetRequiredService<ContentEditing>();
        var type = WorkshopTypeOf(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (!int.TryParse(form["base"], out var baseNumber) || await editing.VersionAsync(ckey, baseNumber) is not { } based) return await NotFoundAsync(http);
        var (title, slug, body, values, note) = FormValues(form, type, key);
        var source = ContentSource.Compose(based.Source, type, title, slug, values, body);
        var registered = await http.RequestServices.GetRequiredService<WorkshopWorkspace>().RegisteredAsync(key);
        SaveOutcome outcome = int.TryParse(values.GetValueOrDefault("capacity"), out var capacity) && capacity < registered
            ? new SaveOutcome.Invalid([ImportProblem.Error(based.Path, null, CampaignMessages.CapacityBelowRegistrations, registered) with { Field = "capacity" }])
            : await editing.SaveAsync(ckey, source, baseNumber, AdminPages.UserId(http)!, note, publish);
        switch (outcome)
        {
            case SaveOutcome.Saved:
                return Results.Redirect($"{WorkshopEditUrl(key, culture)}?notice={(publish ? "published" : "saved")}");
            case SaveOutcome.Conflict conflict:
                var strings = http.RequestServices.GetRequiredService<UiStrings>();
                var db = http.RequestServices.GetRequiredService<Data.LearnDbContext>();
                var names = await PeopleAsync(db, strings, AdminPages.CultureOf(http), [conflict.Theirs.Author]);
                var header = Header(http, type, ckey, conflict.Theirs.Title, conflict.Theirs.Number, conflict.Theirs.Published ? "published" : "draft") with { Url = WorkshopEditUrl(key, culture), Tabs = false };
                var view = new ConflictView(header, conflict.Theirs, names.GetValueOrDefault(conflict.Theirs.Author, conflict.Theirs.Author), source,
                    Math.Clamp(source.Count(c => c == '\n') + 2, 12, 40), WorkshopEditUrl(key, culture));
                return await pages.Render(http, "content-conflict", "workshops", conflict.Theirs.Title, view, StatusCodes.Status409Conflict);
            case SaveOutcome.Invalid invalid:
                var model = await EditViewAsync(http, type, based, values.ToDictionary(v => v.Key, v => v.Value ?? ""), title, slug ?? key, body, note ?? "", invalid.Problems);
                return await pages.Render(http, "content-edit", "workshops", based.Title, InWorkspace(model, key), StatusCodes.Status422UnprocessableEntity);
            default:
                return await NotFoundAsync(http);
        }
    }

    /// <summary>One workshop: its languages, who runs it, and the ways to its invitations, answers and attendance.</summary>
    private static async Task<IResult> WorkshopOverviewAsync(HttpContext http, string key, AdminPages pages, WorkshopWorkspace workspace, ContentEditing editing)
    {
        var (title, versions) = await WorkshopVersionsAsync(editing, key);
        if (title is null) return await NotFoundAsync(http);
        return await WorkshopOverviewViewAsync(http, key, title, versions, pages, workspace, "", null, null);
    }

    private static async Task<IResult> WorkshopOverviewViewAsync(HttpContext http, string key, string title, IReadOnlyList<object> versions, AdminPages pages, WorkshopWorkspace workspace,
        string email, string? error, string? notice, int status = StatusCodes.Status200OK)
    {
        var campaigns = http.RequestServices.GetRequiredService<Data.LearnDbContext>().Set<MyAlmaty.Learn.Workshops.Invitations.InvitationCampaign>()
            .Where(c => c.WorkshopKey == key).OrderByDescending(c => c.Id).Take(20).Select(c => new { c.Id, c.CreatedUtc, c.SentUtc, Source = c.Source.ToString() }).ToList();
        var model = new
        {
            Key = key,
            Title = title,
            Versions = versions,
            Facilitators = (await workspace.FacilitatorsAsync(key)).Select(f => new { f.Name, f.Email }).ToList(),
            Campaigns = campaigns.Select(c => new { c.Id, Url = $"{WorkshopUrl(key)}/campaigns/{c.Id}", c.CreatedUtc, c.SentUtc, c.Source }).ToList(),
            Email = email,
            Error = error,
        };
        return await pages.Render(http, "workshop", "workshops", title, model, status, notice);
    }

    /// <summary>The workshop's title and its two languages, each with its edit page and state (null when not written yet).</summary>
    private static async Task<(string? Title, IReadOnlyList<object> Versions)> WorkshopVersionsAsync(ContentEditing editing, string key)
    {
        var versions = new List<object>();
        string? title = null;
        foreach (var culture in Cultures.All)
        {
            var version = await editing.VersionAsync(new ContentKey(culture, WorkshopTypeNames.Workshop, key));
            title ??= version?.Title;
            versions.Add(new { Culture = culture, Title = version?.Title, Url = WorkshopEditUrl(key, culture), Status = version is null ? null : version.Published ? "published" : "draft" });
        }
        return (title, versions);
    }

    /// <summary>A co-facilitator, by the address of an existing account that may run workshops.</summary>
    private static async Task<IResult> AddFacilitatorAsync(HttpContext http, string key, IFormCollection form, AdminPages pages, WorkshopWorkspace workspace, ContentEditing editing)
    {
        var email = form["email"].ToString().Trim();
        var (title, versions) = await WorkshopVersionsAsync(editing, key);
        if (title is null) return await NotFoundAsync(http);
        var name = email.Length is > 0 and <= 254 ? await workspace.AddFacilitatorAsync(key, email) : null;
        if (name is null)
        {
            var shown = email.Length > 254 ? email[..254] : email;
            return await WorkshopOverviewViewAsync(http, key, title, versions, pages, workspace, shown, pages.T(http, CampaignMessages.NoSuchAccount, shown), null, StatusCodes.Status422UnprocessableEntity);
        }
        return await WorkshopOverviewViewAsync(http, key, title, versions, pages, workspace, "", null, pages.T(http, CampaignMessages.FacilitatorAdded, name));
    }
}
