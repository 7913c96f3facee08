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

/// <summary>An item's life beyond editing it: made new, published or taken off, scheduled for later, its versions, deleted.</summary>
public static partial class AdminEndpoints
{
    /// <summary>
    /// An empty form for a new item of the type, in the language of the address. One-line fields may be filled
    /// in from the query (?workshop=key), so that a reminder can open the summary of its workshop ready to write.
    /// </summary>
    private static async Task<IResult> NewAsync(HttpContext http, string culture, AdminPages pages)
    {
        if (TypeOf(http, "new") is not { } type) return await NotFoundAsync(http);
        var prefilled = type.Fields
            .Where(f => f.Kind is FieldKind.Text or FieldKind.Reference or FieldKind.Number or FieldKind.Date or FieldKind.DateTime or FieldKind.Choice)
            .Select(f => (f.Name, Value: http.Request.Query[f.Name].ToString().Trim()))
            .Where(f => f.Value.Length is > 0 and <= 200)
            .ToDictionary(f => f.Name, f => f.Value);
        var model = await EditViewAsync(http, type, Blank(type, culture), prefilled, "", "", "", "", []) with { IsNew = true, NewKey = "" };
        return await pages.Render(http, "content-edit", SectionOf(http, pages), pages.T(http, "New item"), model);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string culture, IFormCollection form, AdminPages pages, ContentEditing editing)
    {
        if (TypeOf(http, "new") is not { } type) return await NotFoundAsync(http);
        var key = form["key"].ToString().Trim();
        var (title, slug, body, values, note) = FormValues(form, type, key);
        var blank = Blank(type, culture);
        IReadOnlyList<ImportProblem> problems;
        if (!KeyPattern().IsMatch(key) || key.Length > 200)
        {
            problems = [ImportProblem.Error(blank.Path, null, ImportMessages.BadKey, key) with { Field = "key" }];
        }
        else
        {
            var ckey = new ContentKey(culture, type.Name, key);
            var source = ContentSource.Compose(null, type, title, slug, values, body);
            switch (await editing.SaveAsync(ckey, source, null, AdminPages.UserId(http)!, note, publish: false))
            {
                case SaveOutcome.Saved:
                    return Results.Redirect($"{AdminUrls.Item(type, culture, key)}?notice=saved");
                case SaveOutcome.Invalid invalid:
                    problems = invalid.Problems;
                    break;
                default:
                    problems = [ImportProblem.Error(blank.Path, null, EditingMessages.KeyTaken, key) with { Field = "key" }];
                    break;
            }
        }
        var shown = values.ToDictionary(v => v.Key, v => v.Value ?? "");
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var model = await EditViewAsync(http, type, blank, shown, title, slug ?? "", body, note ?? "", problems) with
        {
            IsNew = true,
            NewKey = key,
            KeyErrors = problems.Where(p => p.Field == "key").Select(p => strings.Get(AdminPages.CultureOf(http), p.Message, [.. p.Arguments])).ToList(),
        };
        return await pages.Render(http, "content-edit", SectionOf(http, pages), pages.T(http, "New item"), model, StatusCodes.Status422UnprocessableEntity);
    }

    private static EditableVersion Blank(IContentTypeDefinition type, string culture) => new()
    {
        Key = new ContentKey(culture, type.Name, ""),
        Number = 0,
        Latest = true,
        Published = false,
        Title = "",
        Slug = "",
        Body = "",
        Source = "",
        Author = "",
        CreatedUtc = DateTime.UtcNow,
        Path = $"{type.Folder}/*.{culture}.md",
    };

    /// <summary>Schedules a version for a date and time in Almaty, as the editor typed them.</summary>
    private static async Task<IResult> ScheduleAsync(HttpContext http, string culture, string key, IFormCollection form)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var publishing = http.RequestServices.GetRequiredService<ContentPublishing>();
        var clock = http.RequestServices.GetRequiredService<AlmatyClock>();
        var url = AdminUrls.Item(type, culture, key);
        if (!DateTime.TryParseExact(form["at"].ToString(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var local) || !int.TryParse(form["version"], out var number))
        {
            return Results.Redirect($"{url}?notice=schedule-bad");
        }
        var atUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clock.Zone);
        if (atUtc <= http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime) return Results.Redirect($"{url}?notice=schedule-past");
        if (!await publishing.ScheduleAsync(new ContentKey(culture, type.Name, key), number, atUtc, AdminPages.UserId(http)!)) return await NotFoundAsync(http);
        return Results.Redirect($"{url}?notice=scheduled");
    }

    private static async Task<IResult> UnscheduleAsync(HttpContext http, string culture, string key)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        if (!await http.RequestServices.GetRequiredService<ContentPublishing>().UnscheduleAsync(new ContentKey(culture, type.Name, key), AdminPages.UserId(http)!)) return await NotFoundAsync(http);
        return Results.Redirect($"{AdminUrls.Item(type, culture, key)}?notice=unscheduled");
    }

    /// <summary>Before deleting: what points at the item, which would lose it (a course its module, a lesson its quiz).</summary>
    private static async Task<IResult> ConfirmDeleteAsync(HttpContext http, string culture, string key, ContentEditing editing, ContentReferences references, AdminPages pages,
        ContentTypeRegistry types, UiStrings strings)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        if (await editing.VersionAsync(ckey) is not { } version) return await NotFoundAsync(http);
        var ui = AdminPages.CultureOf(http);
        var model = new
        {
            Item = Header(http, type, ckey, version.Title, version.Number, version.Published ? "published" : "draft"),
            Referencing = (await references.ReferencingAsync(ckey)).Select(r => new
            {
                r.Title,
                Url = AdminUrls.Item(types, r.Key),
                TypeLabel = strings.Get(ui, types.Get(r.Key.ContentType).Label),
                Field = strings.Get(ui, types.Get(r.Key.ContentType).Fields.First(f => f.Name == r.Field).Label),
                r.Published,
            }).ToList(),
        };
        return await pages.Render(http, "content-delete", SectionOf(http, pages), version.Title, model);
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string culture, string key)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        if (!await http.RequestServices.GetRequiredService<ContentPublishing>().DeleteAsync(new ContentKey(culture, type.Name, key), AdminPages.UserId(http)!)) return await NotFoundAsync(http);
        return Results.Redirect("/admin/content?notice=deleted");
    }

    private static async Task<IResult> PublishAsync(HttpContext http, string culture, string key, bool publish)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var publishing = http.RequestServices.GetRequiredService<ContentPublishing>();
        var ckey = new ContentKey(culture, type.Name, key);
        var actor = AdminPages.UserId(http)!;
        var done = publish ? await publishing.PublishAsync(ckey, actor) : await publishing.UnpublishAsync(ckey, actor);
        if (!done) return await NotFoundAsync(http);
        return Results.Redirect($"{AdminUrls.Item(type, culture, key)}?notice={(publish ? "published" : "unpublished")}");
    }

    private static async Task<IResult> VersionsAsync(HttpContext http, string culture, string key, LearnDbContext db, AdminPages pages, UiStrings strings, ContentTypeRegistry types)
    {
        if (TypeOf(http, key) is not { } type) return await NotFoundAsync(http);
        var ckey = new ContentKey(culture, type.Name, key);
        var item = await db.Set<ContentItem>().AsNoTracking().Include(i => i.Versions)
            .FirstOrDefaultAsync(i => i.Culture == culture && i.ContentType == type.Name && i.TranslationKey == key);
        if (item is null) return await NotFoundAsync(http);
        var ui = AdminPages.CultureOf(http);
        var notes = await db.Set<ContentChange>().AsNoTracking()
            .Where(c => c.Culture == culture && c.ContentType == type.Name && c.TranslationKey == key && c.Note != null
                && (c.Operation == ContentOperation.Revised || c.Operation == ContentOperation.Created || c.Operation == ContentOperation.RolledBack))
            .Select(c => new { c.VersionNumber, c.Note }).ToListAsync();
        var names = await PeopleAsync(db, strings, ui, item.Versions.Select(v => v.Author));
        var latest = item.Versions.Single(v => v.Latest);
        var model = new
        {
            Item = Header(http, type, ckey, latest.Title, latest.Number, item.Versions.Any(v => v.Published) ? latest.Published ? "published" : "draft" : "unpublished"),
            Versions = item.Versions.OrderByDescending(v => v.Number).Select(v => new
            {
                v.Number,
                v.Title,
                Author = names.GetValueOrDefault(v.Author, v.Author),
                Created = v.CreatedUtc,
                v.Published,
                v.Latest,
                Note = notes.FirstOrDefault(n => n.VersionNumber == v.Number)?.Note,
            }).ToList(),
        };
        return await pages.Render(http, "content-versions", SectionOf(http, pages), latest.Title, model);
    }
}
