using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyAlmaty.Learn.Data;
using MyAlmaty.Learn.Media;
using MyAlmaty.Learn.Tests.Admin;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Media;

/// <summary>The upload form of /admin/media as a browser sends it: multipart, with the page's antiforgery token.</summary>
internal static class MediaUploads
{
    public const string AltRu = "Жители двора сажают деревья у подъезда";
    public const string AltKk = "Аула тұрғындары кіреберіс алдына ағаш отырғызып жатыр";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, string fileName = "photo.jpg", string contentType = "image/jpeg",
        string altRu = AltRu, string altKk = AltKk, bool expectContinue = false)
    {
        var (_, page) = await AdminForms.OpenAsync(client, "/admin/media");
        var fields = AdminForms.Fields(page, "form[action='/admin/media']");
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Where(f => f.Key is not ("file" or "altRu" or "altKk"))) content.Add(new StringContent(value), name);
        content.Add(new StringContent(altRu), "altRu");
        content.Add(new StringContent(altKk), "altKk");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, "file", fileName);
        // Like curl, a large body can wait for the server's go-ahead, so a refusal is read rather than a broken pipe.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/media") { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        return await client.SendAsync(request);
    }

    /// <summary>Uploads a picture that must be taken; its hash.</summary>
    public static async Task<string> UploadAsync(HttpClient client, byte[] bytes, string altRu = AltRu, string altKk = AltKk)
    {
        using var response = await PostAsync(client, bytes, altRu: altRu, altKk: altKk);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"upload answered {(int)response.StatusCode}: {Html.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("main")?.TextContent}");
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/admin/media/[0-9a-f]{16}\\?notice=(uploaded|exists)$", location);
        return location["/admin/media/".Length..location.IndexOf('?')];
    }

    public static async Task<MediaItem?> ItemAsync(TestSite site, string hash)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<MediaItem>().AsNoTracking().FirstOrDefaultAsync(m => m.Hash == hash);
    }

    public static async Task<int> CountAsync(TestSite site)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnDbContext>().Set<MediaItem>().CountAsync();
    }

    public static string Folder(TestSite site) => Path.Combine(site.DataPath, "media");

    public static IReadOnlyList<string> Files(TestSite site) =>
        Directory.Exists(Folder(site)) ? Directory.GetFiles(Folder(site), "*", SearchOption.AllDirectories) : [];
}
