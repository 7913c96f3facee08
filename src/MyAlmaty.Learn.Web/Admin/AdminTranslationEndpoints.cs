using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Translations;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Content.Versions;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>A comparison as the admin theme shows it: changed fields, then the text line by line.</summary>
public sealed record DiffView(int From, int To, string FromCulture, string ToCulture, IReadOnlyList<FieldDiffView> Fields, IReadOnlyList<DiffLineView> Lines, bool HasChanges);

public sealed record FieldDiffView(string Label, string? Old, string? New, IReadOnlyList<DiffPieceView> Items);

public sealed record DiffLineView(string Change, int? Old, int? New, IReadOnlyList<DiffPieceView> Pieces);

public sealed record DiffPieceView(string Change, string Text);

/// <summary>Versions compared and rolled back; translations started, compared with their source and declared up to date; the coverage table.</summary>
public static partial class AdminEndpoints
{
    private static void MapTranslationPages(RouteGroupBuilder admin)
    {
        admin.MapPage("/translations", CoverageAsync).RequirePermission(Permissions.ContentView);
        Page(admin, "/diff", DiffAsync, Permissions.ContentView);
        Post(admin, "/rollback", RollBackAsync, Permissions.ContentEdit);
        Page(admin, "/translation", TranslationAsync, Permissions.ContentView);
        Post(admin, "/translate", (HttpContext http, string culture, string key, IFormCollection form) => TranslateAsync(http, culture, key), Permissions.TranslationsManage);
        Post(admin, "/mark-up-to-date", (HttpContext http, string culture, string key, IFormCollection form) => MarkUpToDateAsync(http, culture, key), Permissions.TranslationsManage);
    }

    private static async Task<IResult> CoverageAsync(HttpContext http, AdminPages pages, ContentTranslations translations, ContentTypeRegistry types, UiStrings strings,
        string? type, string? direction, string? state)
    {
        var ui = AdminPages.CultureOf(http);
        var coverage = await translations.CoverageAsync();
        string Dir(TranslationDirection d) => $"{d.Source}-{d.Target}";
        var rows = types.Names.Order(StringComparer.Ordinal).Select(t => new
        {
            Type = t,
            Label = strings.Get(ui, types.Get(t).Label),
            Directions = TranslationDirection.All.Select(d =>
            {
                var c = coverage.For(t, d);
                string Link(string s) => $"/admin/translations?type={t}&direction={Dir(d)}&state={s}";
                return new
                {
                    Name = Dir(d),
                    c.UpToDate, c.Outdated, c.Draft, c.Missing,
                    OutdatedUrl = Link("outdated"), DraftUrl = Link("draft"), MissingUrl = Link("missing"), UpToDateUrl = Link("uptodate"),
                };
            }).ToList(),
        }).ToList();
        object? list = null;
        var chosen = TranslationDirection.All.FirstOrDefault(d => Dir(d) == direction);
        var wanted = TranslationStateOf(state);
        if (type is not null && types.TryGet(type, out var definition) && chosen is not null && wanted is { } s)
        {
            list = new
            {
                TypeLabel = strings.Get(ui, definition.Label),
                Direction = Dir(chosen),
                State = state,
                Items = coverage.For(type, chosen).In(s).Select(i => new
                {
                    SourceTitle = i.Source.Title,
                    TargetTitle = i.Target?.Title,
                    SourceUrl = AdminUrls.Item(definition, chosen.Source, i.TranslationKey),
                    TargetUrl = i.Target is null ? null : AdminUrls.Item(definition, chosen.Target, i.TranslationKey),
                    TranslationUrl = i.Target is null ? null : $"{AdminUrls.Item(definition, chosen.Target, i.TranslationKey)}/translation",
                    i.TranslationKey,
                }).ToList(),
            };
        }
        return await pages.Render(http, "translations", "translations", strings.Get(ui, "Translations"), new { Rows = rows, List = list });
    }

    private static async Task<IResult> DiffAsync(HttpContext http, string culture, string key, int? from, int? to, ContentVersions versions, ContentEditing editing, AdminPages pages)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (await editing.VersionAsync(ckey) is not { } latest) return await NotFoundAsync(http);
        var newer = to ?? latest.Number;
        var older = from ?? Math.Max(1, newer - 1);
        if (await versions.CompareAsync(ckey, older, newer) is not { } comparison) return await NotFoundAsync(http);
        var history = await versions.HistoryAsync(ckey);
        var model = new
        {
            Item = Header(http, type, ckey, latest.Title, latest.Number, latest.Published ? "published" : "draft"),
            Diff = DiffOf(http, comparison),
            Numbers = history.Select(v => v.Number).ToList(),
        };
        return await pages.Render(http, "content-diff", SectionOf(http, pages), latest.Title, model);
    }

    private static async Task<IResult> RollBackAsync(HttpContext http, string culture, string key, IFormCollection form, ContentEditing editing)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (!int.TryParse(form["to"], out var number) || !int.TryParse(form["base"], out var basedOn)) return await NotFoundAsync(http);
        var outcome = await editing.RollBackAsync(ckey, number, AdminPages.UserId(http)!, basedOn, form["note"].ToString());
        var url = AdminUrls.Item(type, culture, key);
        return outcome switch
        {
            SaveOutcome.Saved => Results.Redirect($"{url}?notice=rolled-back"),
            SaveOutcome.Conflict => Results.Redirect($"{url}/versions?notice=stale"),
            SaveOutcome.Invalid => Results.Redirect($"{url}/versions?notice=rollback-invalid"),
            _ => await NotFoundAsync(http),
        };
    }

    /// <summary>This item as a translation of the other language's: its state, and what changed in the source since it was in step.</summary>
    private static async Task<IResult> TranslationAsync(HttpContext http, string culture, string key, ContentTranslations translations, ContentEditing editing, AdminPages pages, UiStrings strings)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (await editing.VersionAsync(ckey) is not { } latest) return await NotFoundAsync(http);
        var status = await translations.StatusAsync(ckey);
        var changes = await translations.SourceChangesAsync(ckey);
        var other = Cultures.Other(culture);
        var model = new
        {
            Item = Header(http, type, ckey, latest.Title, latest.Number, latest.Published ? "published" : "draft"),
            State = status is null ? "nosource" : StateName(status.State),
            SourceCulture = other,
            SourceUrl = AdminUrls.Item(type, other, key),
            SourcePublished = status?.Source.PublishedNumber,
            Synced = status?.SyncedSourceVersion,
            Changes = changes is null ? null : DiffOf(http, changes.Changes),
            CanManage = pages.Can(http, Permissions.TranslationsManage),
        };
        return await pages.Render(http, "content-translation", SectionOf(http, pages), latest.Title, model, notice: NoticeText(http, pages, http.Request.Query["notice"]));
    }

    private static async Task<IResult> TranslateAsync(HttpContext http, string culture, string key)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var translations = http.RequestServices.GetRequiredService<ContentTranslations>();
        var other = Cultures.Other(culture);
        var outcome = await translations.StartTranslationAsync(new ContentKey(culture, type.Name, key), other, AdminPages.UserId(http)!);
        return outcome switch
        {
            SaveOutcome.Saved or SaveOutcome.Conflict => Results.Redirect($"{AdminUrls.Item(type, other, key)}?notice=translation-started"),
            SaveOutcome.Invalid => Results.Redirect($"{AdminUrls.Item(type, culture, key)}?notice=translation-invalid"),
            _ => await NotFoundAsync(http),
        };
    }

    private static async Task<IResult> MarkUpToDateAsync(HttpContext http, string culture, string key)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var outcome = await http.RequestServices.GetRequiredService<ContentTranslations>().MarkUpToDateAsync(new ContentKey(culture, type.Name, key), AdminPages.UserId(http)!);
        if (outcome == MarkUpToDateOutcome.Missing) return await NotFoundAsync(http);
        var notice = outcome == MarkUpToDateOutcome.Marked ? "marked" : "mark-refused";
        return Results.Redirect($"{AdminUrls.Item(type, culture, key)}/translation?notice={notice}");
    }

    /// <summary>A translation state as the admin's addresses name it (outdated, draft, missing, uptodate); null for anything else.</summary>
    internal static TranslationState? TranslationStateOf(string? name) => name switch
    {
        "outdated" => TranslationState.Outdated,
        "draft" => TranslationState.Draft,
        "missing" => TranslationState.Missing,
        "uptodate" => TranslationState.UpToDate,
        _ => null,
    };

    internal static string StateName(TranslationState state) => state switch
    {
        TranslationState.UpToDate => "uptodate",
        TranslationState.Outdated => "outdated",
        TranslationState.Draft => "draft",
        _ => "missing",
    };

    private static DiffView DiffOf(HttpContext http, VersionComparison comparison)
    {
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var ui = AdminPages.CultureOf(http);
        static string Change(DiffChange c) => c switch
        {
            DiffChange.Deleted => "del",
            DiffChange.Inserted => "ins",
            DiffChange.Modified => "mod",
            _ => "same",
        };
        var fields = comparison.ChangedFields.Select(f => new FieldDiffView(
            strings.Get(ui, f.Label),
            f.Old,
            f.New,
            f.Items.Select(i => new DiffPieceView(i.Change switch
            {
                ListItemChange.Added => "ins",
                ListItemChange.Removed => "del",
                ListItemChange.Moved => "mod",
                _ => "same",
            }, i.Value)).ToList())).ToList();
        var lines = comparison.Body.Inline.Select(l => new DiffLineView(Change(l.Change), l.OldNumber, l.NewNumber,
            l.Words.Select(w => new DiffPieceView(Change(w.Change), w.Text)).ToList())).ToList();
        return new DiffView(comparison.Old.Number, comparison.New.Number, comparison.Old.Key.Culture, comparison.New.Key.Culture, fields, lines, comparison.HasChanges);
    }
}
