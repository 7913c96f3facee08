using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Editing;
using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;
using MyAlmaty.Learn.Content.Rendering;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;
using MyAlmaty.Learn.Web.Themes;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>One item in the admin: its form, its source, a preview, saving, publishing and its versions.</summary>
public static partial class AdminEndpoints
{
    private const string ItemPattern = "/content/{folder}/{culture:culture}/{key}";
    private const string SummaryPattern = "/content/summaries/{culture:culture}/{key}";

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    private static void MapItemPages(RouteGroupBuilder admin)
    {
        admin.MapPage("/content/new/{folder}/{culture:culture}", NewAsync).RequirePermission(Permissions.ContentEdit);
        admin.MapPage("/content/new/summaries/{culture:culture}", NewAsync).RequirePermission(Permissions.SummariesEdit);
        admin.MapPost("/content/new/{folder}/{culture:culture}", CreateAsync).RequirePermission(Permissions.ContentEdit);
        admin.MapPost("/content/new/summaries/{culture:culture}", CreateAsync).RequirePermission(Permissions.SummariesEdit);
        Page(admin, "", EditAsync, Permissions.ContentView);
        // Each handler takes the form as a parameter: that is what has ASP.NET Core check its antiforgery token.
        Post(admin, "", (HttpContext http, string culture, string key, IFormCollection form) => SaveFormAsync(http, culture, key, form, publish: false), Permissions.ContentEdit);
        Post(admin, "/save-and-publish", (HttpContext http, string culture, string key, IFormCollection form) => SaveFormAsync(http, culture, key, form, publish: true), Permissions.ContentPublish);
        Page(admin, "/source", SourceAsync, Permissions.ContentView);
        Post(admin, "/source", (HttpContext http, string culture, string key, IFormCollection form) => SaveSourceAsync(http, culture, key, form, publish: false), Permissions.ContentEdit);
        Post(admin, "/source/save-and-publish", (HttpContext http, string culture, string key, IFormCollection form) => SaveSourceAsync(http, culture, key, form, publish: true), Permissions.ContentPublish);
        Post(admin, "/preview", PreviewAsync, Permissions.ContentView);
        Post(admin, "/publish", (HttpContext http, string culture, string key, IFormCollection form) => PublishAsync(http, culture, key, publish: true), Permissions.ContentPublish);
        Post(admin, "/unpublish", (HttpContext http, string culture, string key, IFormCollection form) => PublishAsync(http, culture, key, publish: false), Permissions.ContentPublish);
        Page(admin, "/versions", VersionsAsync, Permissions.ContentView);
        Post(admin, "/schedule", ScheduleAsync, Permissions.ContentPublish);
        Page(admin, "/delete", ConfirmDeleteAsync, Permissions.ContentDelete);
        Post(admin, "/delete", (HttpContext http, string culture, string key, IFormCollection form) => DeleteAsync(http, culture, key), Permissions.ContentDelete);
        Post(admin, "/unschedule", (HttpContext http, string culture, string key, IFormCollection form) => UnscheduleAsync(http, culture, key), Permissions.ContentPublish);
    }

    /// <summary>An item page, mapped for all types and again for session summaries, which facilitators may edit too.</summary>
    private static void Page(RouteGroupBuilder admin, string suffix, Delegate handler, string permission)
    {
        admin.MapPage(ItemPattern + suffix, handler).RequirePermission(permission);
        admin.MapPage(SummaryPattern + suffix, handler).RequirePermission(Permissions.SummariesEdit);
    }

    private static void Post(RouteGroupBuilder admin, string suffix, Delegate handler, string permission)
    {
        admin.MapPost(ItemPattern + suffix, handler).RequirePermission(permission);
        admin.MapPost(SummaryPattern + suffix, handler).RequirePermission(Permissions.SummariesEdit);
    }

    /// <summary>The item's type from the address's folder; null for an address that names no type or a bad key.</summary>
    private static IContentTypeDefinition? TypeOf(HttpContext http, string key)
    {
        if (!KeyPattern().IsMatch(key) || key.Length > 200) return null;
        var folder = http.GetRouteValue("folder") as string ?? "summaries";
        var types = http.RequestServices.GetRequiredService<ContentTypeRegistry>();
        return types.Names.Select(types.Get).FirstOrDefault(t => t.Folder == folder);
    }

    private static async Task<IResult> EditAsync(HttpContext http, string culture, string key, ContentEditing editing, AdminPages pages, string? notice)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (await editing.VersionAsync(ckey) is not { } version) return await NotFoundAsync(http);
        var model = await EditViewAsync(http, type, version, version.Values, version.Title, version.Slug, version.Body, "", []);
        // The newest version checked again, for its warnings: the editor sees them after a save and whenever they come back.
        var (_, found) = await editing.CheckAsync(ckey, version.Source);
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var ui = AdminPages.CultureOf(http);
        model = model with
        {
            Warnings = found.Where(p => p.Severity == ProblemSeverity.Warning)
                .Select(p => new ProblemView(strings.Get(ui, p.Message, [.. p.Arguments]), p.Line, p.Field, Error: false)).ToList(),
        };
        return await pages.Render(http, "content-edit", SectionOf(http, pages), version.Title, model, notice: NoticeText(http, pages, notice));
    }

    private static async Task<IResult> SaveFormAsync(HttpContext http, string culture, string key, IFormCollection form, bool publish)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var editing = http.RequestServices.GetRequiredService<ContentEditing>();
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (!int.TryParse(form["base"], out var baseNumber) || await editing.VersionAsync(ckey, baseNumber) is not { } based) return await NotFoundAsync(http);
        var (title, slug, body, values, note) = FormValues(form, type, key);
        var source = ContentSource.Compose(based.Source, type, title, slug, values, body);
        // Ticked while translating: this version is in step with that version of the other language.
        var synced = int.TryParse(form["synced"], out var sourceVersion) ? new Content.Translations.TranslationSync(Cultures.Other(culture), sourceVersion) : null;
        var outcome = await editing.SaveAsync(ckey, source, baseNumber, AdminPages.UserId(http)!, note, publish, synced);
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                return Results.Redirect($"{AdminUrls.Item(type, culture, key)}?notice={(publish ? "published" : "saved")}");
            case SaveOutcome.Conflict conflict:
                return await ConflictAsync(http, type, based, conflict.Theirs, source);
            case SaveOutcome.Invalid invalid:
                var shown = values.ToDictionary(v => v.Key, v => v.Value ?? "");
                var model = await EditViewAsync(http, type, based, shown, title, slug ?? key, body, note ?? "", invalid.Problems);
                return await pages.Render(http, "content-edit", SectionOf(http, pages), based.Title, model, StatusCodes.Status422UnprocessableEntity);
            default:
                return await NotFoundAsync(http);
        }
    }

    private static async Task<IResult> SourceAsync(HttpContext http, string culture, string key, ContentEditing editing, AdminPages pages, string? notice)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        if (await editing.VersionAsync(new ContentKey(culture, type.Name, key)) is not { } version) return await NotFoundAsync(http);
        var model = SourceView(http, pages, type, version, version.Source, "", []);
        return await pages.Render(http, "content-source", SectionOf(http, pages), version.Title, model, notice: NoticeText(http, pages, notice));
    }

    private static async Task<IResult> SaveSourceAsync(HttpContext http, string culture, string key, IFormCollection form, bool publish)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var editing = http.RequestServices.GetRequiredService<ContentEditing>();
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (!int.TryParse(form["base"], out var baseNumber) || await editing.VersionAsync(ckey, baseNumber) is not { } based) return await NotFoundAsync(http);
        var source = Normalize(form["source"].ToString());
        var note = form["note"].ToString();
        var outcome = await editing.SaveAsync(ckey, source, baseNumber, AdminPages.UserId(http)!, note, publish);
        return outcome switch
        {
            SaveOutcome.Saved => Results.Redirect($"{AdminUrls.Item(type, culture, key)}/source?notice={(publish ? "published" : "saved")}"),
            SaveOutcome.Conflict conflict => await ConflictAsync(http, type, based, conflict.Theirs, source),
            SaveOutcome.Invalid invalid => await pages.Render(http, "content-source", SectionOf(http, pages), based.Title,
                SourceView(http, pages, type, based, source, note, invalid.Problems), StatusCodes.Status422UnprocessableEntity),
            _ => await NotFoundAsync(http),
        };
    }

    /// <summary>
    /// What the text would look like on the site: the site's own theme, pipeline and glossary, and for
    /// Kazakh both alphabets. Nothing is saved.
    /// </summary>
    private static async Task<IResult> PreviewAsync(HttpContext http, string culture, string key, IFormCollection form)
    {
        var editing = http.RequestServices.GetRequiredService<ContentEditing>();
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (!int.TryParse(form["base"], out var baseNumber) || await editing.VersionAsync(ckey, baseNumber) is not { } based) return await NotFoundAsync(http);
        string source;
        if (form.ContainsKey("source")) source = Normalize(form["source"].ToString());
        else
        {
            var (title, slug, body, values, _) = FormValues(form, type, key);
            source = ContentSource.Compose(based.Source, type, title, slug, values, body);
        }
        var (file, problems) = await editing.CheckAsync(ckey, source);
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var renderer = http.RequestServices.GetRequiredService<ContentRenderer>();
        var html = file is null ? "" : renderer.RenderDraft(culture, file.Body).Html;
        var model = new
        {
            Title = file?.Title ?? based.Title,
            Summary = file?.Metadata.Summary,
            Takeaways = (file?.Metadata as Courses.LessonMetadata)?.Takeaways ?? [],
            Html = html,
            Latin = culture == Cultures.Kazakh && file is not null ? new { Title = KazakhLatin.ToLatin(file.Title), Html = LatinScript.Transliterate(html) } : null,
            Problems = problems.Where(p => p.Severity == ProblemSeverity.Error)
                .Select(p => strings.Get(culture, p.Message, [.. p.Arguments])).ToList(),
        };
        var page = new PageInfo { Culture = culture, SwitchUrl = $"/{Cultures.Other(culture)}/", Title = model.Title };
        return await http.RequestServices.GetRequiredService<SitePages>().Render(http, "preview", page, model);
    }

    private static (string Title, string? Slug, string Body, Dictionary<string, string?> Values, string? Note) FormValues(IFormCollection form, IContentTypeDefinition type, string key)
    {
        var values = type.Fields.Where(f => f.Kind != FieldKind.Sections).ToDictionary(f => f.Name, f => (string?)Normalize(form[$"f.{f.Name}"].ToString()));
        var slug = form["slug"].ToString().Trim();
        return (form["title"].ToString().Trim(), slug.Length == 0 || slug == key ? null : slug, Normalize(form["body"].ToString()), values, form["note"].ToString());
    }

    /// <summary>Browsers send a textarea's lines with CR LF; files have LF.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static async Task<EditView> EditViewAsync(HttpContext http, IContentTypeDefinition type, EditableVersion version, IReadOnlyDictionary<string, string> values,
        string title, string slug, string body, string note, IReadOnlyList<ImportProblem> problems)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var db = http.RequestServices.GetRequiredService<LearnDbContext>();
        var ui = AdminPages.CultureOf(http);
        // A form names its fields by their labels, not by their names in the file.
        var labels = type.Fields.ToDictionary(f => f.Name, f => strings.Get(ui, f.Label));
        labels["title"] = strings.Get(ui, FieldLabels.Title);
        labels["slug"] = strings.Get(ui, FieldLabels.Slug);
        string Message(ImportProblem p) => strings.Get(ui, p.Message, [.. p.Arguments.Select(a => a is string name && labels.TryGetValue(name, out var label) ? label : a)]);
        IReadOnlyList<string> ErrorsOf(string field) => problems.Where(p => p.Field == field).Select(Message).ToList();
        var targets = type.Fields.Where(f => f.Target is not null).Select(f => f.Target!).Distinct().ToList();
        var choices = await db.Set<ContentItemVersion>().AsNoTracking()
            .Where(v => v.Latest && v.ContentItem!.Culture == version.Key.Culture && targets.Contains(v.ContentItem.ContentType))
            .Select(v => new { v.ContentItem!.ContentType, v.ContentItem.TranslationKey, v.Title })
            .ToListAsync();
        var fields = type.Fields.Where(f => f.Kind != FieldKind.Sections).Select(f =>
        {
            var value = values.GetValueOrDefault(f.Name) ?? "";
            var options = f.Kind switch
            {
                FieldKind.Reference => [new OptionView("", strings.Get(ui, "— none —"), value == ""),
                    .. choices.Where(c => c.ContentType == f.Target).OrderBy(c => c.Title).Select(c => new OptionView(c.TranslationKey, $"{c.Title} ({c.TranslationKey})", c.TranslationKey == value))],
                FieldKind.ReferenceList => choices.Where(c => c.ContentType == f.Target).OrderBy(c => c.Title).Select(c => new OptionView(c.TranslationKey, c.Title, false)).ToList(),
                FieldKind.Choice => [new OptionView("", strings.Get(ui, "— default —"), value == ""), .. f.Choices.Select(c => new OptionView(c, c, c == value))],
                FieldKind.Flag => [new OptionView("", strings.Get(ui, "— default —"), value == ""), new OptionView("true", strings.Get(ui, "Yes"), value is "true" or "yes"), new OptionView("false", strings.Get(ui, "No"), value is "false" or "no")],
                _ => (IReadOnlyList<OptionView>)[],
            };
            return new FieldView
            {
                Name = f.Name,
                Label = strings.Get(ui, f.Label),
                Help = f.Help is null ? null : strings.Get(ui, f.Help),
                Kind = f.Kind switch
                {
                    FieldKind.LongText => "longtext",
                    FieldKind.TextList => "list",
                    FieldKind.Reference => "reference",
                    FieldKind.ReferenceList => "references",
                    FieldKind.Number => "number",
                    FieldKind.Date => "date",
                    FieldKind.DateTime => "datetime",
                    FieldKind.Flag or FieldKind.Choice => "choice",
                    _ => "text",
                },
                Value = value,
                Required = f.Required,
                MaxLength = f.Kind is FieldKind.Text or FieldKind.LongText ? f.MaxLength : null,
                Min = f.Kind == FieldKind.Number ? f.Min : null,
                Max = f.Kind == FieldKind.Number ? f.Max : null,
                Options = options,
                Errors = ErrorsOf(f.Name),
            };
        }).ToList();
        var known = new HashSet<string>(fields.Select(f => f.Name)) { "title", "slug", "body", "key" };
        CounterpartView? counterpart = null;
        string? state = null;
        if (version.Number > 0)
        {
            var editing = http.RequestServices.GetRequiredService<ContentEditing>();
            var otherKey = version.Key with { Culture = Cultures.Other(version.Key.Culture) };
            if (await editing.VersionAsync(otherKey) is { } other)
            {
                var published = other.Published ? other : null;
                var shownVersion = published ?? other;
                counterpart = new CounterpartView(otherKey.Culture, shownVersion.Title, shownVersion.Body, shownVersion.Number, AdminUrls.Item(type, otherKey.Culture, otherKey.TranslationKey));
                if (await http.RequestServices.GetRequiredService<Content.Translations.ContentTranslations>().StatusAsync(version.Key) is { } status)
                {
                    state = StateName(status.State);
                    if (status.Source.PublishedNumber is { } n && await editing.VersionAsync(otherKey, n) is { } live)
                    {
                        counterpart = new CounterpartView(otherKey.Culture, live.Title, live.Body, live.Number, counterpart.Url);
                    }
                }
            }
        }
        return new EditView
        {
            Item = version.Number == 0
                ? new ItemHeader { Culture = version.Key.Culture, Type = type.Name, TypeLabel = strings.Get(ui, type.Label), Key = "", Title = strings.Get(ui, "New item"), Url = $"/admin/content/new/{type.Folder}/{version.Key.Culture}", Status = "unpublished" }
                : Header(http, type, version.Key, version.Title, version.Number, version.Published ? "published" : "draft"),
            BaseNumber = version.Number,
            Title = title,
            Slug = slug,
            Body = body,
            Fields = fields,
            SourceOnlyParts = type.Fields.Any(f => f.Kind == FieldKind.Sections),
            Problems = problems.Where(p => p.Field is null || !known.Contains(p.Field)).Select(p => new ProblemView(Message(p), null, p.Field, p.Severity == ProblemSeverity.Error)).ToList(),
            TitleErrors = ErrorsOf("title"),
            SlugErrors = ErrorsOf("slug"),
            BodyErrors = ErrorsOf("body"),
            Note = note,
            CanPublish = pages.Can(http, ForType(type, Permissions.ContentPublish)),
            CanDelete = pages.Can(http, ForType(type, Permissions.ContentDelete)),
            Counterpart = counterpart,
            TranslationState = state,
            SyncChecked = state is "outdated" or "draft",
            CanTranslate = pages.Can(http, Permissions.TranslationsManage),
        };
    }

    private static SourceView SourceView(HttpContext http, AdminPages pages, IContentTypeDefinition type, EditableVersion version, string source, string note, IReadOnlyList<ImportProblem> problems)
    {
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var ui = AdminPages.CultureOf(http);
        return new SourceView
        {
            Item = Header(http, type, version.Key, version.Title, version.Number, version.Published ? "published" : "draft"),
            BaseNumber = version.Number,
            Source = source,
            Rows = Math.Clamp(source.Count(c => c == '\n') + 2, 12, 60),
            Problems = problems.OrderBy(p => p.Line).Select(p => new ProblemView(strings.Get(ui, p.Message, [.. p.Arguments]), p.Line, p.Field, p.Severity == ProblemSeverity.Error)).ToList(),
            Note = note,
            CanPublish = pages.Can(http, ForType(type, Permissions.ContentPublish)),
        };
    }

    private static async Task<IResult> ConflictAsync(HttpContext http, IContentTypeDefinition type, EditableVersion based, EditableVersion theirs, string mine)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var db = http.RequestServices.GetRequiredService<LearnDbContext>();
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var names = await PeopleAsync(db, strings, AdminPages.CultureOf(http), [theirs.Author]);
        var model = new ConflictView(
            Header(http, type, based.Key, theirs.Title, theirs.Number, theirs.Published ? "published" : "draft"),
            theirs,
            names.GetValueOrDefault(theirs.Author, theirs.Author),
            mine,
            Math.Clamp(mine.Count(c => c == '\n') + 2, 12, 40),
            AdminUrls.Item(type, based.Key.Culture, based.Key.TranslationKey));
        return await pages.Render(http, "content-conflict", SectionOf(http, pages), theirs.Title, model, StatusCodes.Status409Conflict);
    }

    private static ItemHeader Header(HttpContext http, IContentTypeDefinition type, ContentKey key, string title, int number, string status)
    {
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var published = http.RequestServices.GetRequiredService<PublishedContent>().Current;
        var urls = http.RequestServices.GetRequiredService<ContentUrls>();
        var live = published.ByKey(key.Culture, key.ContentType, key.TranslationKey);
        var other = Cultures.Other(key.Culture);
        var schedule = http.RequestServices.GetRequiredService<LearnDbContext>().Set<ContentItem>().AsNoTracking()
            .Where(i => i.Culture == key.Culture && i.ContentType == key.ContentType && i.TranslationKey == key.TranslationKey && i.PublishAtUtc != null)
            .Select(i => new { i.PublishAtUtc, i.ScheduledVersion }).FirstOrDefault();
        var clock = http.RequestServices.GetRequiredService<AlmatyClock>();
        return new ItemHeader
        {
            Culture = key.Culture,
            Type = type.Name,
            TypeLabel = strings.Get(AdminPages.CultureOf(http), type.Label),
            Key = key.TranslationKey,
            Title = title,
            Url = AdminUrls.Item(type, key.Culture, key.TranslationKey),
            PublicUrl = live is null ? null : urls.UrlFor(live, published),
            Status = status,
            Number = number,
            TranslationUrl = AdminUrls.Item(type, other, key.TranslationKey),
            ScheduledAt = schedule is null ? null : clock.FormatDateTime(schedule.PublishAtUtc!.Value, AdminPages.CultureOf(http)),
            ScheduledVersion = schedule?.ScheduledVersion,
        };
    }

    /// <summary>The permission an action on this type needs: session summaries are the facilitators' as well, under one permission.</summary>
    private static string ForType(IContentTypeDefinition type, string permission) =>
        type.Name == ContentTypeNames.SessionSummary ? Permissions.SummariesEdit : permission;

    private static string SectionOf(HttpContext http, AdminPages pages) => pages.Can(http, Permissions.ContentView) ? "content" : "summaries";

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["saved"] = "Saved as a draft. The site still shows the published version.",
        ["published"] = "Published: the site shows this version now.",
        ["unpublished"] = "Taken off the site. Its versions are kept.",
        ["scheduled"] = "Scheduled: the version goes on the site by itself at the time given (Almaty time).",
        ["unscheduled"] = "The scheduled publication is called off.",
        ["schedule-past"] = "That time has already passed: choose a time in the future, or publish now.",
        ["schedule-bad"] = "Give the date and time of the publication.",
        ["rolled-back"] = "The old version is back as a new draft: check it and publish it.",
        ["stale"] = "Someone saved a newer version meanwhile: look at the history again.",
        ["rollback-invalid"] = "That version cannot come back as it is: something it refers to no longer exists.",
        ["translation-started"] = "A draft of the translation is made from the source: translate it and publish it.",
        ["translation-invalid"] = "The translation cannot be started yet: something this item refers to has no translation.",
        ["marked"] = "Marked as up to date with the source.",
        ["mark-refused"] = "Only a published translation of a published source can be marked as up to date.",
    };

    private static string? NoticeText(HttpContext http, AdminPages pages, string? notice) =>
        notice is not null && Notices.TryGetValue(notice, out var text) ? pages.T(http, text) : null;

    private static Task<IResult> NotFoundAsync(HttpContext http) => Refusals.ResultAsync(http, StatusCodes.Status404NotFound);
}
