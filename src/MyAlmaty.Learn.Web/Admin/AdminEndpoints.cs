using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Search.Querying;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>
/// The admin area at /admin: every endpoint declares the permission it needs where it is mapped.
/// Pages work without scripts; forms post back and come back with what was typed.
/// </summary>
public static partial class AdminEndpoints
{
    public const int PageSize = 50;

    public static IEndpointRouteBuilder MapAdminPages(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapPage("", DashboardAsync).RequirePermission(Permissions.AdminAccess);
        admin.MapPage("/content", ListAsync).RequirePermission(Permissions.AdminAccess);
        MapItemPages(admin);
        MapTranslationPages(admin);
        MapPeoplePages(admin);
        MapAuditPages(admin);
        MapMediaPages(admin);
        MapWorkshopPages(admin);
        return app;
    }

    private static async Task<IResult> DashboardAsync(HttpContext http, AdminPages pages, LearnDbContext db, ContentList list, ContentTypeRegistry types,
        SiteInitializer initializer, UiStrings strings)
    {
        var culture = AdminPages.CultureOf(http);
        var me = AdminPages.UserId(http) ?? "";
        var visible = VisibleTypes(http, pages, types);
        var drafts = (await list.QueryAsync(new ContentListQuery { Author = me, Status = ContentStatus.Draft, Types = visible, PageSize = 10 })).Rows
            .Concat((await list.QueryAsync(new ContentListQuery { Author = me, Status = ContentStatus.Unpublished, Types = visible, PageSize = 10 })).Rows)
            .OrderByDescending(r => r.UpdatedUtc).Take(10);
        var recent = await db.Set<ContentChange>().AsNoTracking().Where(c => visible.Contains(c.ContentType)).OrderByDescending(c => c.Id).Take(15).ToListAsync();
        var problems = (initializer.LastReport?.Problems ?? []).Take(50)
            .Select(p => new ProblemView($"{p.Path}{(p.Line is { } l ? $":{l}" : "")} — {strings.Get(culture, p.Message, [.. p.Arguments])}", p.Line, p.Field, p.Severity == Content.Import.ProblemSeverity.Error))
            .ToList();
        var clock = http.RequestServices.GetRequiredService<AlmatyClock>();
        var scheduled = (await db.Set<ContentItem>().AsNoTracking()
                .Where(i => i.PublishAtUtc != null && visible.Contains(i.ContentType))
                .OrderBy(i => i.PublishAtUtc)
                .Select(i => new { i.Culture, i.ContentType, i.TranslationKey, i.PublishAtUtc, i.ScheduledVersion, Title = i.Versions.Where(v => v.Latest).Select(v => v.Title).FirstOrDefault() })
                .Take(20).ToListAsync())
            .Select(i => new LinkView(i.Title ?? i.TranslationKey, AdminUrls.Item(types, new ContentKey(i.Culture, i.ContentType, i.TranslationKey)),
                strings.Get(culture, "version {0}, {1}", i.ScheduledVersion, clock.FormatDateTime(i.PublishAtUtc!.Value, culture))))
            .ToList();
        IReadOnlyList<CoverageRowView> coverage = [];
        if (pages.Can(http, Permissions.ContentView))
        {
            var all = await http.RequestServices.GetRequiredService<Content.Translations.ContentTranslations>().CoverageAsync();
            coverage = types.Names.Order(StringComparer.Ordinal).Select(t =>
            {
                var ruKk = all.For(t, Content.Translations.TranslationDirection.RussianToKazakh);
                var kkRu = all.For(t, Content.Translations.TranslationDirection.KazakhToRussian);
                return new CoverageRowView(strings.Get(culture, types.Get(t).Label), ruKk.Outdated, ruKk.Missing, kkRu.Outdated, kkRu.Missing, "/admin/translations");
            }).ToList();
        }
        var model = new DashboardView(
            await RowsAsync(http, db, types, strings, drafts.ToList()),
            await ChangesAsync(db, types, strings, culture, recent),
            problems,
            scheduled) { Coverage = coverage };
        return await pages.Render(http, "dashboard", "dashboard", strings.Get(culture, "Overview"), model);
    }

    private static async Task<IResult> ListAsync(HttpContext http, AdminPages pages, LearnDbContext db, ContentList list, ContentTypeRegistry types,
        SiteSearch search, UiStrings strings, string? type, string? culture, string? status, string? q, string? sort, int? page, string? translation)
    {
        var ui = AdminPages.CultureOf(http);
        var visible = VisibleTypes(http, pages, types);
        if (visible.Count == 0) return await Refusals.ResultAsync(http, StatusCodes.Status403Forbidden, Refusals.NoPermission);
        var chosenType = type is not null && visible.Contains(type) ? type : null;
        var chosenCulture = culture is not null && Cultures.IsSupported(culture) ? culture : null;
        ContentStatus? chosenStatus = status switch
        {
            "published" => ContentStatus.Published,
            "draft" => ContentStatus.Draft,
            "unpublished" => ContentStatus.Unpublished,
            _ => null,
        };
        var (sortBy, descending) = sort switch
        {
            "title" => (ContentSort.Title, false),
            "-title" => (ContentSort.Title, true),
            "type" => (ContentSort.Type, false),
            "updated" => (ContentSort.Updated, false),
            _ => (ContentSort.Updated, true),
        };
        var text = SearchInput.Clean(q).Text;
        IReadOnlyList<ContentKey>? keys = null;
        if (text.Length > 0)
        {
            // The editors' search: drafts and unpublished items too, in one or both languages.
            keys = (chosenCulture is null ? Cultures.All : [chosenCulture])
                .SelectMany(c => search.Search(new SearchRequest { Culture = c, Text = text, Workspace = true, PageSize = 200 }).Hits
                    .Select(h => new ContentKey(c, h.ContentType, h.TranslationKey)))
                .Distinct()
                .ToList();
        }
        var chosenState = TranslationStateOf(translation);
        if (chosenState is { } state)
        {
            // Items by the state of their translation: a translation that is outdated, a draft or up to date
            // is listed itself; for a missing one, its source is (there is nothing else to open).
            var coverage = await http.RequestServices.GetRequiredService<Content.Translations.ContentTranslations>().CoverageAsync(chosenType);
            var inState = coverage.Rows.SelectMany(r => r.In(state))
                .Select(i => state == Content.Translations.TranslationState.Missing ? i.SourceKey : i.TargetKey)
                .Where(k => chosenCulture is null || k.Culture == chosenCulture)
                .ToList();
            keys = keys is null ? inState : keys.Where(inState.Contains).ToList();
        }
        var result = await list.QueryAsync(new ContentListQuery
        {
            Types = chosenType is null ? visible : [chosenType],
            Culture = chosenCulture,
            Status = chosenStatus,
            Sort = sortBy,
            Descending = descending,
            Page = page ?? 1,
            PageSize = PageSize,
            Keys = keys,
        });
        string Url(int n) => QueryString.Create(new Dictionary<string, string?>
        {
            ["type"] = chosenType, ["culture"] = chosenCulture, ["status"] = status is "published" or "draft" or "unpublished" ? status : null,
            ["q"] = text.Length > 0 ? text : null, ["sort"] = sort, ["translation"] = chosenState is null ? null : translation,
            ["page"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => p.Value is not null)).ToUriComponent() is var query ? $"/admin/content{query}" : "";
        var model = new ListView
        {
            Rows = await RowsAsync(http, db, types, strings, result.Rows),
            Total = result.Total,
            Page = result.Page,
            Pages = result.Pages,
            Types = [new("", strings.Get(ui, "All types"), chosenType is null), .. visible.Select(t => new OptionView(t, strings.Get(ui, types.Get(t).Label), t == chosenType))],
            Cultures = [new("", strings.Get(ui, "Both languages"), chosenCulture is null), new("ru", "Русский", chosenCulture == "ru"), new("kk", "Қазақша", chosenCulture == "kk")],
            Statuses =
            [
                new("", strings.Get(ui, "Any status"), chosenStatus is null),
                new("published", strings.Get(ui, "Published"), chosenStatus == ContentStatus.Published),
                new("draft", strings.Get(ui, "Draft over the published version"), chosenStatus == ContentStatus.Draft),
                new("unpublished", strings.Get(ui, "Not published"), chosenStatus == ContentStatus.Unpublished),
            ],
            Translations =
            [
                new("", strings.Get(ui, "Any translation state"), chosenState is null),
                new("outdated", strings.Get(ui, "Translation outdated"), translation == "outdated"),
                new("draft", strings.Get(ui, "Translation is a draft"), translation == "draft"),
                new("missing", strings.Get(ui, "Translation missing"), translation == "missing"),
                new("uptodate", strings.Get(ui, "Translation up to date"), translation == "uptodate"),
            ],
            Sorts =
            [
                new("", strings.Get(ui, "Recently changed first"), sort is null or "" or "-updated"),
                new("updated", strings.Get(ui, "Oldest changes first"), sort == "updated"),
                new("title", strings.Get(ui, "Title, A to Z"), sort == "title"),
                new("-title", strings.Get(ui, "Title, Z to A"), sort == "-title"),
                new("type", strings.Get(ui, "Type"), sort == "type"),
            ],
            Query = text,
            NewItems = pages.Can(http, Permissions.ContentEdit) || pages.Can(http, Permissions.SummariesEdit)
                ? visible.Where(t => pages.Can(http, t == ContentTypeNames.SessionSummary ? Permissions.SummariesEdit : Permissions.ContentEdit))
                    .SelectMany(t => Cultures.All.Select(c => new LinkView($"{strings.Get(ui, types.Get(t).Label)} ({(c == Cultures.Kazakh ? "Қазақша" : "Русский")})", $"/admin/content/new/{types.Get(t).Folder}/{c}")))
                    .ToList()
                : [],
            PreviousUrl = result.Page > 1 ? Url(result.Page - 1) : null,
            NextUrl = result.Page < result.Pages ? Url(result.Page + 1) : null,
        };
        return await pages.Render(http, "content-list", chosenType == ContentTypeNames.SessionSummary && !pages.Can(http, Permissions.ContentView) ? "summaries" : "content",
            strings.Get(ui, "Content"), model, notice: http.Request.Query["notice"] == "deleted" ? strings.Get(ui, "Deleted, with all its versions. Its history stays in the audit trail.") : null);
    }

    /// <summary>The types this person may see in the admin: all with content.view, session summaries with summaries.edit.</summary>
    internal static IReadOnlyCollection<string> VisibleTypes(HttpContext http, AdminPages pages, ContentTypeRegistry types) =>
        pages.Can(http, Permissions.ContentView) ? types.Names.Order(StringComparer.Ordinal).ToList()
        : pages.Can(http, Permissions.SummariesEdit) ? [ContentTypeNames.SessionSummary]
        : [];

    internal static async Task<IReadOnlyList<ListRowView>> RowsAsync(HttpContext http, LearnDbContext db, ContentTypeRegistry types, UiStrings strings, IReadOnlyList<ContentListRow> rows)
    {
        var ui = AdminPages.CultureOf(http);
        var names = await PeopleAsync(db, strings, ui, rows.Select(r => r.Author));
        return rows.Select(r => new ListRowView(
            r.Title,
            AdminUrls.Item(types, r.Key),
            strings.Get(ui, types.Get(r.Key.ContentType).Label),
            r.Key.Culture,
            AdminUrls.StatusName(r.Status),
            r.Number,
            names.GetValueOrDefault(r.Author, r.Author),
            r.UpdatedUtc)).ToList();
    }

    internal static async Task<IReadOnlyList<ChangeView>> ChangesAsync(LearnDbContext db, ContentTypeRegistry types, UiStrings strings, string ui, IReadOnlyList<ContentChange> changes)
    {
        var names = await PeopleAsync(db, strings, ui, changes.Select(c => c.Actor));
        var keys = changes.Select(c => c.TranslationKey).Distinct().ToList();
        var titles = await db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => v.Latest && keys.Contains(v.ContentItem!.TranslationKey))
            .Select(v => new { v.ContentItem!.Culture, v.ContentItem.ContentType, v.ContentItem.TranslationKey, v.Title })
            .ToListAsync();
        var byKey = titles.ToDictionary(t => new ContentKey(t.Culture, t.ContentType, t.TranslationKey), t => t.Title);
        return changes.Select(c => new ChangeView(
            c.Operation.ToString(),
            byKey.GetValueOrDefault(c.Key) ?? c.TranslationKey,
            byKey.ContainsKey(c.Key) && types.TryGet(c.ContentType, out _) ? AdminUrls.Item(types, c.Key) : null,
            c.Culture,
            names.GetValueOrDefault(c.Actor, c.Actor),
            c.CreatedUtc,
            c.VersionNumber,
            c.Note)).ToList();
    }

    /// <summary>People's names for user ids; the import and the schedule by what they are.</summary>
    internal static async Task<Dictionary<string, string>> PeopleAsync(LearnDbContext db, UiStrings strings, string ui, IEnumerable<string> ids)
    {
        var wanted = ids.Distinct().ToList();
        var people = await db.Set<LearnUser>().AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email }).ToListAsync();
        var names = people.ToDictionary(p => p.Id, p => string.IsNullOrWhiteSpace(p.DisplayName) ? p.Email ?? p.Id : p.DisplayName);
        names[ContentActors.Import] = strings.Get(ui, "Files of content/");
        names[ContentActors.Schedule] = strings.Get(ui, "Scheduled publication");
        return names;
    }
}
