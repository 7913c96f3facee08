using AngleSharp.Dom;
using MyAlmaty.Learn.Tests.Support;

namespace MyAlmaty.Learn.Tests.Admin;

/// <summary>Reads an admin form as a browser would and posts it back with some fields changed.</summary>
public static class AdminForms
{
    /// <summary>The fields of the page's form (<paramref name="selector"/>) with their current values.</summary>
    public static Dictionary<string, string> Fields(IDocument page, string selector = "form.edit-form")
    {
        var form = page.QuerySelector(selector) ?? throw new InvalidOperationException($"no {selector} on the page");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = element.GetAttribute("name")!;
            fields[name] = element.LocalName switch
            {
                "textarea" => element.TextContent,
                "select" => element.QuerySelector("option[selected]")?.GetAttribute("value") ?? element.QuerySelector("option")?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? "",
            };
        }
        return fields;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, IDictionary<string, string> fields) =>
        await client.PostAsync(path, new FormUrlEncodedContent(fields));

    public static async Task<(HttpResponseMessage Response, IDocument Page)> OpenAsync(HttpClient client, string path)
    {
        var (response, page) = await Html.GetAsync(client, path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return (response, page);
    }
}
