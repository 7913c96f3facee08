using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using MyAlmaty.Learn.Content.Types;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Media;
using MyAlmaty.Learn.Users;
using MyAlmaty.Learn.Web.Endpoints;

namespace MyAlmaty.Learn.Web.Admin;

/// <summary>The media library in the admin: the pictures with where each is used, uploading, and a picture's alt texts.</summary>
public static partial class AdminEndpoints
{
    public const int MediaPageSize = 20;

    /// <summary>
    /// The upload's request may carry the largest file accepted and its form: the site's 4 MB limit is
    /// raised here alone. A file over <see cref="MediaLimits.FileBytes"/> but within this gets the form
    /// back with a message; a request over it is refused (413) before it is read.
    /// </summary>
    public const long UploadRequestLimit = MediaLimits.FileBytes + 1024 * 1024;

    private static readonly Dictionary<string, string> MediaNotices = new(StringComparer.Ordinal)
    {
        ["uploaded"] = "The picture is in the library. Copy its snippet into a text to show it there.",
        ["exists"] = "This picture was already in the library: here it is. Alt texts it lacked were taken from your upload.",
        ["described"] = "Alt texts saved. Pages that show the picture use them now.",
    };

    private static void MapMediaPages(RouteGroupBuilder admin)
    {
        admin.MapPage("/media", MediaListAsync).RequirePermission(Permissions.MediaManage);
        // The form is a parameter: that is what has ASP.NET Core check its antiforgery token.
        admin.MapPost("/media", (HttpContext http, IFormCollection form) => UploadAsync(http, form))
            .RequirePermission(Permissions.MediaManage)
            .WithMetadata(new UploadSizeLimit(UploadRequestLimit))
            // The form reader may take the whole request: the request's own limit is what refuses a larger one, with a 413.
            .WithFormOptions(multipartBodyLengthLimit: 2 * UploadRequestLimit);
        admin.MapPage("/media/{hash}", MediaItemAsync).RequirePermission(Permissions.MediaManage);
        admin.MapPost("/media/{hash}", (HttpContext http, string hash, IFormCollection form) => DescribeAsync(http, hash, form)).RequirePermission(Permissions.MediaManage);
    }

    private static async Task<IResult> MediaListAsync(HttpContext http, int? page) =>
        await RenderMediaListAsync(http, page ?? 1, new UploadFormView(), StatusCodes.Status200OK);

    private static async Task<IResult> UploadAsync(HttpContext http, IFormCollection form)
    {
        var library = http.RequestServices.GetRequiredService<MediaLibrary>();
        var file = form.Files.GetFile("file");
        byte[]? bytes = null;
        if (file is { Length: > 0 and <= MediaLimits.FileBytes })
        {
            bytes = new byte[file.Length];
            await using var stream = file.OpenReadStream();
            await stream.ReadExactlyAsync(bytes, http.RequestAborted);
        }
        var upload = new MediaUpload(bytes, file?.Length ?? 0, file?.FileName, form["altRu"].ToString(), form["altKk"].ToString());
        var outcome = await library.UploadAsync(upload, AdminPages.UserId(http)!, http.RequestAborted);
        if (outcome is MediaOutcome.Stored stored)
        {
            return Results.Redirect($"/admin/media/{stored.Item.Hash}?notice={(stored.AlreadyThere ? "exists" : "uploaded")}");
        }
        var problems = ((MediaOutcome.Refused)outcome).Problems;
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var ui = AdminPages.CultureOf(http);
        IReadOnlyList<string> Errors(string field) => [.. problems.Where(p => p.Field == field).Select(p => strings.Get(ui, p.Message, p.Arguments))];
        var fileErrors = Errors("file");
        var model = new UploadFormView
        {
            AltRu = upload.AltRu ?? "",
            AltKk = upload.AltKk ?? "",
            // A browser never fills a file box in again: say so when the file itself was fine.
            FileErrors = fileErrors.Count > 0 ? fileErrors : file is { Length: > 0 } ? [strings.Get(ui, MediaMessages.ChooseAgain)] : [],
            AltErrors = Errors("alt"),
            AltRuErrors = Errors("altRu"),
            AltKkErrors = Errors("altKk"),
        };
        return await RenderMediaListAsync(http, 1, model, StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<IResult> RenderMediaListAsync(HttpContext http, int page, UploadFormView upload, int status)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var library = http.RequestServices.GetRequiredService<MediaLibrary>();
        var ui = AdminPages.CultureOf(http);
        var result = await library.PageAsync(page, MediaPageSize, http.RequestAborted);
        var uses = await http.RequestServices.GetRequiredService<MediaUsage>().OfAsync([.. result.Items.Select(i => i.Hash)], http.RequestAborted);
        var names = await UploadersAsync(http, result.Items);
        var model = new MediaListView
        {
            Upload = upload with { MaxMegabytes = MediaLimits.FileBytes / (1024 * 1024) },
            Rows = [.. result.Items.Select(i => Row(http, i, names, uses.GetValueOrDefault(i.Hash) ?? []))],
            Total = result.Total,
            Page = result.Page,
            Pages = result.Pages,
            PreviousUrl = result.Page > 1 ? $"/admin/media?page={result.Page - 1}" : null,
            NextUrl = result.Page < result.Pages ? $"/admin/media?page={result.Page + 1}" : null,
        };
        var notice = http.Request.Query["notice"].ToString();
        return await pages.Render(http, "media-list", "media", pages.T(http, "Media"), model, status,
            MediaNotices.TryGetValue(notice, out var text) ? pages.T(http, text) : null);
    }

    private static async Task<IResult> MediaItemAsync(HttpContext http, string hash, string? notice) =>
        await RenderMediaItemAsync(http, hash, null, [], StatusCodes.Status200OK, notice);

    private static async Task<IResult> DescribeAsync(HttpContext http, string hash, IFormCollection form)
    {
        var library = http.RequestServices.GetRequiredService<MediaLibrary>();
        if (await library.FindAsync(hash, http.RequestAborted) is null) return await NotFoundAsync(http);
        var uses = (await http.RequestServices.GetRequiredService<MediaUsage>().OfAsync([hash], http.RequestAborted)).GetValueOrDefault(hash) ?? [];
        var (altRu, altKk) = (form["altRu"].ToString(), form["altKk"].ToString());
        return await library.DescribeAsync(hash, altRu, altKk, uses, http.RequestAborted) switch
        {
            MediaOutcome.Stored => Results.Redirect($"/admin/media/{hash}?notice=described"),
            MediaOutcome.Refused refused => await RenderMediaItemAsync(http, hash, (altRu, altKk), refused.Problems, StatusCodes.Status422UnprocessableEntity, null),
            _ => await NotFoundAsync(http),
        };
    }

    private static async Task<IResult> RenderMediaItemAsync(HttpContext http, string hash, (string Ru, string Kk)? typed, IReadOnlyList<MediaProblem> problems, int status, string? notice)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var strings = http.RequestServices.GetRequiredService<UiStrings>();
        var ui = AdminPages.CultureOf(http);
        if (await http.RequestServices.GetRequiredService<MediaLibrary>().FindAsync(hash, http.RequestAborted) is not { } item) return await NotFoundAsync(http);
        var uses = (await http.RequestServices.GetRequiredService<MediaUsage>().OfAsync([item.Hash], http.RequestAborted)).GetValueOrDefault(item.Hash) ?? [];
        var names = await UploadersAsync(http, [item]);
        var storage = http.RequestServices.GetRequiredService<MediaStorage>();
        IReadOnlyList<string> Errors(string field) => [.. problems.Where(p => p.Field == field).Select(p => strings.Get(ui, p.Message, p.Arguments))];
        var model = new MediaItemView
        {
            Row = Row(http, item, names, uses),
            Preview = MediaStorage.Url(item.Hash, item.WidthList.LastOrDefault(w => w <= 960, item.WidthList[0])),
            Files = [.. item.WidthList.Select(w => new MediaFileView(
                w,
                Math.Max(1, (int)Math.Round((double)item.Height * w / item.Width)),
                MediaStorage.Url(item.Hash, w),
                File.Exists(storage.ServedPath(item.Hash, w)) ? Size(http, new FileInfo(storage.ServedPath(item.Hash, w)).Length) : ""))],
            MasterSize = Size(http, item.MasterBytes),
            MasterKind = item.HasAlpha ? "PNG" : "JPEG",
            Name = item.Name,
            AltRu = typed?.Ru ?? item.AltRu ?? "",
            AltKk = typed?.Kk ?? item.AltKk ?? "",
            AltErrors = Errors("alt"),
            AltRuErrors = Errors("altRu"),
            AltKkErrors = Errors("altKk"),
        };
        return await pages.Render(http, "media-item", "media", item.Name ?? item.Hash, model, status,
            notice is not null && MediaNotices.TryGetValue(notice, out var text) ? pages.T(http, text) : null);
    }

    private static MediaRowView Row(HttpContext http, MediaItem item, IReadOnlyDictionary<string, string> names, IReadOnlyList<MediaUse> uses)
    {
        var types = http.RequestServices.GetRequiredService<ContentTypeRegistry>();
        var thumbnail = item.WidthList[0];
        return new MediaRowView
        {
            Hash = item.Hash,
            Url = $"/admin/media/{item.Hash}",
            Thumbnail = MediaStorage.Url(item.Hash, thumbnail),
            ThumbnailWidth = Math.Min(thumbnail, 160),
            ThumbnailHeight = Math.Max(1, (int)Math.Round((double)item.Height * Math.Min(thumbnail, 160) / item.Width)),
            Width = item.Width,
            Height = item.Height,
            Size = Size(http, item.ServedBytes),
            AltRu = item.AltRu,
            AltKk = item.AltKk,
            Uploader = item.UploadedBy is { } id ? names.GetValueOrDefault(id, id) : null,
            Uploaded = item.UploadedUtc,
            Snippet = $"![]({MediaReferences.Scheme}{item.Hash})",
            Uses = [.. uses.Select(u => new MediaUseView(
                u.Title,
                types.TryGet(u.Key.ContentType, out var type) ? AdminUrls.Item(type, u.Key.Culture, u.Key.TranslationKey) : null,
                u.Key.Culture,
                u.InPublished,
                u.InLatest && !u.InPublished))],
        };
    }

    private static async Task<IReadOnlyDictionary<string, string>> UploadersAsync(HttpContext http, IReadOnlyList<MediaItem> items) =>
        await PeopleAsync(http.RequestServices.GetRequiredService<LearnDbContext>(), http.RequestServices.GetRequiredService<UiStrings>(),
            AdminPages.CultureOf(http), items.Select(i => i.UploadedBy).OfType<string>());

    /// <summary>«340 KB», «1,2 MB» in the editor's language.</summary>
    private static string Size(HttpContext http, long bytes)
    {
        var pages = http.RequestServices.GetRequiredService<AdminPages>();
        var culture = Cultures.Get(AdminPages.CultureOf(http));
        return bytes < 1024 * 1024
            ? pages.T(http, "{0} KB", Math.Max(1, (int)Math.Round(bytes / 1024.0)).ToString(culture))
            : pages.T(http, "{0} MB", (bytes / (1024.0 * 1024.0)).ToString("0.0", culture));
    }

    /// <summary>The largest request body one endpoint reads, in place of the site's limit (honoured by routing before the body is read).</summary>
    private sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}

public sealed record UploadFormView
{
    public string AltRu { get; init; } = "";
    public string AltKk { get; init; } = "";
    public long MaxMegabytes { get; init; }
    public IReadOnlyList<string> FileErrors { get; init; } = [];
    public IReadOnlyList<string> AltErrors { get; init; } = [];
    public IReadOnlyList<string> AltRuErrors { get; init; } = [];
    public IReadOnlyList<string> AltKkErrors { get; init; } = [];
    public bool HasErrors => FileErrors.Count + AltErrors.Count + AltRuErrors.Count + AltKkErrors.Count > 0;
}

public sealed record MediaUseView(string Title, string? Url, string Culture, bool OnTheSite, bool InDraft);

public sealed record MediaRowView
{
    public required string Hash { get; init; }
    public required string Url { get; init; }
    public required string Thumbnail { get; init; }
    public int ThumbnailWidth { get; init; }
    public int ThumbnailHeight { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public required string Size { get; init; }
    public string? AltRu { get; init; }
    public string? AltKk { get; init; }
    public string? Uploader { get; init; }
    public DateTime Uploaded { get; init; }
    public required string Snippet { get; init; }
    public IReadOnlyList<MediaUseView> Uses { get; init; } = [];
}

public sealed record MediaListView
{
    public required UploadFormView Upload { get; init; }
    public required IReadOnlyList<MediaRowView> Rows { get; init; }
    public int Total { get; init; }
    public int Page { get; init; }
    public int Pages { get; init; }
    public string? PreviousUrl { get; init; }
    public string? NextUrl { get; init; }
}

public sealed record MediaFileView(int Width, int Height, string Url, string Size);

public sealed record MediaItemView
{
    public required MediaRowView Row { get; init; }
    public required string Preview { get; init; }
    public required IReadOnlyList<MediaFileView> Files { get; init; }
    public required string MasterSize { get; init; }
    public required string MasterKind { get; init; }
    public string? Name { get; init; }
    public string AltRu { get; init; } = "";
    public string AltKk { get; init; } = "";
    public IReadOnlyList<string> AltErrors { get; init; } = [];
    public IReadOnlyList<string> AltRuErrors { get; init; } = [];
    public IReadOnlyList<string> AltKkErrors { get; init; } = [];
}
