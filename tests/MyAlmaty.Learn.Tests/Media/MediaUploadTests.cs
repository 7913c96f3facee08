using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Media;
using MyAlmaty.Learn.Tests.Support;
using MyAlmaty.Learn.Users;
using SkiaSharp;

namespace MyAlmaty.Learn.Tests.Media;

/// <summary>Uploading to /admin/media: what is taken, what is refused and how it is said, what is kept and what readers are sent.</summary>
public sealed class MediaUploadTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private TestSite Site => fixture.Site;

    private UiStrings Strings => Site.Services.GetRequiredService<UiStrings>();

    [Fact]
    public async Task A_photo_with_a_GPS_position_is_kept_and_served_without_any_of_its_metadata()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var photo = TestImages.Photo(TestImages.Jpeg(2000, 1500));

        var hash = await MediaUploads.UploadAsync(editor, photo);

        var item = (await MediaUploads.ItemAsync(Site, hash))!;
        Assert.Equal((2000, 1500, "480,960,1600"), (item.Width, item.Height, item.Widths));
        Assert.NotNull(item.UploadedBy);
        var files = MediaUploads.Files(Site).Where(f => Path.GetFileName(f).StartsWith(hash, StringComparison.Ordinal)).ToList();
        // Three widths and a master; the uploaded file itself is nowhere.
        Assert.Equal(4, files.Count);
        foreach (var file in files)
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(TestImages.Contains(bytes, "Exif\0\0"), $"{file} has an EXIF block");
            Assert.False(TestImages.Contains(bytes, TestImages.SecretPlace), $"{file} has the GPS position");
            Assert.False(TestImages.Contains(bytes, TestImages.SecretCamera), $"{file} names the camera");
            Assert.NotEqual(photo, bytes);
            using var codec = SKCodec.Create(new SKMemoryStream(bytes));
            Assert.NotNull(codec);
        }
        var master = await File.ReadAllBytesAsync(Assert.Single(files, f => f.EndsWith(".jpg", StringComparison.Ordinal)));
        Assert.DoesNotContain(TestImages.JpegSegments(master), s => s.Marker is 0xE1 or 0xE2 or 0xED);

        foreach (var width in new[] { 480, 960, 1600 })
        {
            using var served = await Site.Client.GetAsync($"/media/{hash}-{width}.webp");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/webp", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", served.Headers.CacheControl!.ToString());
            var bytes = await served.Content.ReadAsByteArrayAsync();
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(MediaUploads.Folder(Site), $"{hash}-{width}.webp")), bytes);
            Assert.Equal(width, TestImages.Look(bytes, 0, 0).Width);
            Assert.Empty(TestImages.WebpChunks(bytes).Intersect(["EXIF", "XMP ", "ICCP"]));
            Assert.False(TestImages.Contains(bytes, TestImages.SecretPlace));
        }
    }

    [Theory]
    [InlineData("text", "photo.jpg", "image/jpeg")]
    [InlineData("svg", "drawing.svg", "image/svg+xml")]
    [InlineData("pdf", "scan.pdf", "application/pdf")]
    [InlineData("svg", "picture.png", "image/png")]
    public async Task A_file_that_is_not_a_picture_is_refused_whatever_it_is_called_and_the_alt_texts_typed_stay(string kind, string name, string type)
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor, "kk");
        var bytes = kind switch { "text" => TestImages.Text, "svg" => TestImages.Svg, _ => TestImages.Pdf };
        var before = await MediaUploads.CountAsync(Site);
        var files = MediaUploads.Files(Site).Count;

        using var refused = await MediaUploads.PostAsync(editor, bytes, name, type, altRu: "Двор весной", altKk: "Көктемдегі аула");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("kk", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Strings.Get("kk", MediaMessages.NotAnImage), page.QuerySelector("#field-file-errors")!.TextContent.Trim());
        Assert.Equal("true", page.QuerySelector("#field-file")!.GetAttribute("aria-invalid"));
        Assert.Equal("Двор весной", page.QuerySelector("#field-altRu")!.TextContent);
        Assert.Equal("Көктемдегі аула", page.QuerySelector("#field-altKk")!.TextContent);
        Assert.Equal(before, await MediaUploads.CountAsync(Site));
        Assert.Equal(files, MediaUploads.Files(Site).Count);
    }

    [Fact]
    public async Task A_picture_is_recognised_by_its_content_not_by_its_name_or_type()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);

        using var taken = await MediaUploads.PostAsync(editor, TestImages.Png(321, 123), "notes.pdf", "application/octet-stream");

        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
    }

    [Fact]
    public async Task A_file_over_10_MB_gets_the_form_back_with_a_message_and_a_far_larger_request_is_refused_before_it_is_read()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var big = new byte[MediaLimits.FileBytes + 1];
        TestImages.Jpeg(100, 100).CopyTo(big, 0);

        using var refused = await MediaUploads.PostAsync(editor, big, altRu: "Большой снимок", altKk: "");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(Strings.Get("ru", MediaMessages.FileTooLarge, 10), page.QuerySelector("#field-file-errors")!.TextContent.Trim());
        Assert.Equal("Большой снимок", page.QuerySelector("#field-altRu")!.TextContent);

        using var huge = await MediaUploads.PostAsync(editor, new byte[14 * 1024 * 1024], expectContinue: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_at_once_with_its_declared_size()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var clock = Stopwatch.StartNew();

        using var refused = await MediaUploads.PostAsync(editor, TestImages.PngBomb(50_000, 50_000), "bomb.png", "image/png");

        clock.Stop();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(Strings.Get("ru", MediaMessages.TooLong, 50_000, 50_000, MediaLimits.Side), page.QuerySelector("#field-file-errors")!.TextContent.Trim());
        Assert.True(clock.ElapsedMilliseconds < 3000, $"{clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task An_upload_without_alt_text_is_refused_and_asks_for_the_file_again()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var before = await MediaUploads.CountAsync(Site);

        using var refused = await MediaUploads.PostAsync(editor, TestImages.Jpeg(640, 480), altRu: "  \n ", altKk: "");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = Html.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(Strings.Get("ru", MediaMessages.NoAltText), page.QuerySelector("#alt-errors")!.TextContent.Trim());
        Assert.Equal(Strings.Get("ru", MediaMessages.ChooseAgain), page.QuerySelector("#field-file-errors")!.TextContent.Trim());
        Assert.Equal(before, await MediaUploads.CountAsync(Site));
    }

    [Fact]
    public async Task Each_width_is_served_once_for_a_year_and_nothing_else_of_the_library_is_served()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var hash = await MediaUploads.UploadAsync(editor, TestImages.Png(700, 500));
        Assert.Equal("480,700", (await MediaUploads.ItemAsync(Site, hash))!.Widths);

        using var first = await Site.Client.GetAsync($"/media/{hash}-700.webp");
        var tag = first.Headers.ETag!;
        using var head = await Site.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/media/{hash}-480.webp"));
        using var again = new HttpRequestMessage(HttpMethod.Get, $"/media/{hash}-700.webp");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await Site.Client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/webp", head.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        foreach (var path in new[] { $"/media/{hash}-960.webp", $"/media/masters/{hash}.jpg", $"/media/{hash}.jpg", $"/media/{hash}-700.png", "/media/..%2Flearn.db", "/media/" })
        {
            using var missing = await Site.Client.GetAsync(path);
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)missing.StatusCode}");
        }
    }

    [Fact]
    public async Task The_same_picture_uploaded_again_is_kept_once_and_brings_the_alt_text_it_lacked()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var picture = TestImages.Jpeg(333, 222);
        var hash = await MediaUploads.UploadAsync(editor, picture, altKk: "");

        using var again = await MediaUploads.PostAsync(editor, TestImages.Photo(picture), altRu: "Другое описание", altKk: "Қазақша сипаттама");

        Assert.Equal($"/admin/media/{hash}?notice=exists", again.Headers.Location!.OriginalString);
        var item = (await MediaUploads.ItemAsync(Site, hash))!;
        Assert.Equal((MediaUploads.AltRu, "Қазақша сипаттама"), (item.AltRu, item.AltKk));
    }

    [Fact]
    public async Task An_uploader_finds_their_pictures_in_their_data_and_deleting_the_account_keeps_the_pictures_but_not_their_name()
    {
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);
        var hash = await MediaUploads.UploadAsync(editor, TestImages.Jpeg(555, 444));
        var id = (await MediaUploads.ItemAsync(Site, hash))!.UploadedBy!;

        await using (var scope = Site.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<LearnUser>>().FindByIdAsync(id))!;
            var data = scope.ServiceProvider.GetRequiredService<PersonalData>();
            using var export = System.Text.Json.JsonDocument.Parse(await data.ExportAsync(user));
            Assert.Contains(export.RootElement.GetProperty("uploadedPictures").EnumerateArray(), p => p.GetProperty("hash").GetString() == hash);
            await data.EraseAsync(user);
        }

        var kept = (await MediaUploads.ItemAsync(Site, hash))!;
        Assert.Null(kept.UploadedBy);
        Assert.Empty(await RowsNaming.CountAsync(Site.Services, id));
    }

    [Fact]
    public async Task Only_those_who_manage_media_reach_the_library()
    {
        using var facilitator = await RoleClients.SignInAsync(Site, RoleNames.Facilitator);
        using var editor = await RoleClients.SignInAsync(Site, RoleNames.Editor);

        using var refused = await facilitator.GetAsync("/admin/media");
        var (opened, page) = await Html.GetAsync(editor, "/admin/media");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("page", page.QuerySelector(".admin-nav a[href='/admin/media']")!.GetAttribute("aria-current"));
        Assert.Equal("multipart/form-data", page.QuerySelector("form[action='/admin/media']")!.GetAttribute("enctype"));
    }
}
