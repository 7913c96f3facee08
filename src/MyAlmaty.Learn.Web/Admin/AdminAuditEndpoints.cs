using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Audit;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>
/// The audit trail (/admin/audit): the content journal and the people events in one list, newest
/// first. People events — who was invited, whose role changed — name accounts, so they are shown only
/// to those who may manage people; editors see the content's history.
/// </summary>
public static partial class AdminEndpoints
{
    private static void MapAuditPages(RouteGroupBuilder admin) =>
        admin.MapPage("/audit", AuditAsync).RequirePermission(Permissions.AuditView);

    private static async Task<IResult> AuditAsync(HttpContext http, AdminPages pages, AuditLog log, LearnDbContext db, ContentTypeRegistry types, UiStrings strings,
        AlmatyClock clock, string? action, string? actor, string? subject, string? type, string? culture, string? key, string? from, string? to, int? page)
    {
        var ui = AdminPages.CultureOf(http);
        var withPeople = pages.Can(http, Permissions.UsersManage);
        var errors = new List<string>();
        var fromDate = DateFilter(from, errors);
        var toDate = DateFilter(to, errors);
        if (fromDate is { } f && toDate is { } t && f > t) errors.Add(AuditMessages.DatesReversed);
        var (operations, actions, chosenAction) = ActionFilter(action, withPeople);
        var chosenType = type is not null && types.TryGet(type, out _) ? type : null;
        var chosenCulture = culture is not null && Cultures.IsSupported(culture) ? culture : null;
        var chosenKey = (key ?? "").Trim() is { Length: > 0 and <= 200 } k ? k : null;
        var chosenActor = actor is { Length: > 0 and <= 450 } ? actor : null;
        var chosenSubject = withPeople && subject is { Length: > 0 and <= 450 } ? subject : null;
        var result = await log.QueryAsync(new AuditQuery
        {
            Operations = operations,
            Actions = actions,
            IncludePeople = withPeople,
            Actor = chosenActor,
            Subject = chosenSubject,
            ContentType = chosenType,
            Culture = chosenCulture,
            Key = chosenKey,
            FromUtc = errors.Count == 0 && fromDate is { } start ? AlmatyMidnightUtc(clock, start) : null,
            ToUtc = errors.Count == 0 && toDate is { } end ? AlmatyMidnightUtc(clock, end.AddDays(1)) : null,
            Page = page ?? 1,
            PageSize = PageSize,
        });

        var actorIds = await log.ActorsAsync(withPeople);
        var names = await PeopleAsync(db, strings, ui, actorIds.Concat(result.Rows.Select(r => r.Actor)).Concat(result.Rows.Select(r => r.Subject).OfType<string>()));
        string NameOf(string id) => AuditPersonalData.IsTombstone(id) ? strings.Get(ui, "Deleted account") : names.GetValueOrDefault(id, id);
        var titles = await TitlesAsync(db, result.Rows.Where(r => !r.People).Select(r => r.TranslationKey!).Distinct().ToList());
        var subjects = result.Rows.Select(r => r.Subject).OfType<string>().Distinct().ToList();
        var existing = subjects.Count > 0 ? await db.Users.AsNoTracking().Where(u => subjects.Contains(u.Id)).Select(u => u.Id).ToListAsync() : [];

        var rows = result.Rows.Select(r =>
        {
            if (r.People)
            {
                return new AuditRowView(r.CreatedUtc, NameOf(r.Actor), true, r.Action.ToString()!,
                    r.Subject is null ? null : NameOf(r.Subject),
                    r.Subject is not null && existing.Contains(r.Subject) ? $"/admin/users/{r.Subject}" : null,
                    null, null, r.Note, RoleLabels(strings, ui, r.Before), RoleLabels(strings, ui, r.After));
            }
            var itemKey = new ContentKey(r.Culture!, r.ContentType!, r.TranslationKey!);
            var title = titles.GetValueOrDefault(itemKey);
            return new AuditRowView(r.CreatedUtc, NameOf(r.Actor), false, r.Operation.ToString()!,
                title ?? r.TranslationKey, title is not null && types.TryGet(r.ContentType!, out var itemType) ? AdminUrls.Item(itemType, r.Culture!, r.TranslationKey!) : null,
                r.Culture, r.Version, r.Note, null, null);
        }).ToList();

        string Url(int n) => "/admin/audit" + QueryString.Create(new Dictionary<string, string?>
        {
            ["action"] = chosenAction, ["actor"] = chosenActor, ["subject"] = chosenSubject, ["type"] = chosenType, ["culture"] = chosenCulture,
            ["key"] = chosenKey, ["from"] = fromDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = toDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["page"] = n.ToString(CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToUriComponent();

        var model = new AuditView
        {
            Rows = rows,
            Total = result.Total,
            Page = result.Page,
            Pages = result.Pages,
            ContentActions = [.. Enum.GetValues<ContentOperation>().Select(o => new OptionView(o.ToString(), o.ToString(), o.ToString() == chosenAction))],
            PeopleActions = withPeople ? [.. Enum.GetValues<AuditAction>().Select(a => new OptionView(a.ToString(), a.ToString(), a.ToString() == chosenAction))] : [],
            Action = chosenAction ?? "",
            WithPeople = withPeople,
            Actors = [new("", strings.Get(ui, "Anyone"), chosenActor is null),
                .. actorIds.Select(id => new OptionView(id, NameOf(id), id == chosenActor)).OrderBy(o => o.Label, StringComparer.Create(Cultures.Get(ui), true))],
            Types = [new("", strings.Get(ui, "All types"), chosenType is null),
                .. types.Names.Order(StringComparer.Ordinal).Select(n => new OptionView(n, strings.Get(ui, types.Get(n).Label), n == chosenType))],
            Cultures = [new("", strings.Get(ui, "Both languages"), chosenCulture is null), new("ru", "Русский", chosenCulture == "ru"), new("kk", "Қазақша", chosenCulture == "kk")],
            Key = chosenKey ?? "",
            From = from is null ? "" : from.Trim().Length <= 20 ? from.Trim() : "",
            To = to is null ? "" : to.Trim().Length <= 20 ? to.Trim() : "",
            Subject = chosenSubject,
            SubjectName = chosenSubject is null ? null : NameOf(chosenSubject),
            Errors = errors.Select(e => strings.Get(ui, e)).ToList(),
            PreviousUrl = result.Page > 1 ? Url(result.Page - 1) : null,
            NextUrl = result.Page < result.Pages ? Url(result.Page + 1) : null,
        };
        return await pages.Render(http, "audit", "audit", strings.Get(ui, "Audit trail"), model, errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK);
    }

    /// <summary>Which operations and actions the «what» filter keeps: everything, all of one kind, or one.</summary>
    private static (IReadOnlyCollection<ContentOperation>? Operations, IReadOnlyCollection<AuditAction>? Actions, string? Chosen) ActionFilter(string? action, bool withPeople)
    {
        if (action == "content") return (null, [], action);
        if (action == "people" && withPeople) return ([], null, action);
        if (Enum.TryParse<ContentOperation>(action, ignoreCase: false, out var operation) && Enum.IsDefined(operation) && action == operation.ToString()) return ([operation], [], action);
        if (withPeople && Enum.TryParse<AuditAction>(action, ignoreCase: false, out var people) && Enum.IsDefined(people) && action == people.ToString()) return ([], [people], action);
        return (null, null, null);
    }

    private static DateOnly? DateFilter(string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (!errors.Contains(AuditMessages.DateInvalid)) errors.Add(AuditMessages.DateInvalid);
        return null;
    }

    /// <summary>The UTC instant a day begins in Almaty.</summary>
    private static DateTime AlmatyMidnightUtc(AlmatyClock clock, DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, clock.Zone.GetUtcOffset(midnight)).UtcDateTime;
    }

    private static string? RoleLabels(UiStrings strings, string ui, string? roles) =>
        string.IsNullOrEmpty(roles) ? null : string.Join(", ", roles.Split(',').Select(r => strings.Get(ui, r)));

    /// <summary>The newest titles of the items named, for those that still exist.</summary>
    private static async Task<Dictionary<ContentKey, string>> TitlesAsync(LearnDbContext db, IReadOnlyList<string> keys)
    {
        var titles = await db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => v.Latest && keys.Contains(v.ContentItem!.TranslationKey))
            .Select(v => new { v.ContentItem!.Culture, v.ContentItem.ContentType, v.ContentItem.TranslationKey, v.Title })
            .ToListAsync();
        return titles.ToDictionary(t => new ContentKey(t.Culture, t.ContentType, t.TranslationKey), t => t.Title);
    }
}

/// <summary>One line of the audit trail, as the page shows it: names and labels already in the reader's language.</summary>
public sealed record AuditRowView(DateTime When, string Who, bool People, string Action, string? Title, string? Url, string? Culture, int? Version, string? Note,
    string? Before, string? After);

public sealed record AuditView
{
    public required IReadOnlyList<AuditRowView> Rows { get; init; }
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int Pages { get; init; }
    public required IReadOnlyList<OptionView> ContentActions { get; init; }
    public required IReadOnlyList<OptionView> PeopleActions { get; init; }
    public required string Action { get; init; }
    public bool WithPeople { get; init; }
    public required IReadOnlyList<OptionView> Actors { get; init; }
    public required IReadOnlyList<OptionView> Types { get; init; }
    public required IReadOnlyList<OptionView> Cultures { get; init; }
    public required string Key { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public string? Subject { get; init; }
    public string? SubjectName { get; init; }
    public IReadOnlyList<string> Errors { get; init; } = [];
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
}
