using AngleSharp.Dom;

namespace MyAlmaty.Learn.Tests.Support;

/// <summary>Submits a page's form as a browser would: with its hidden antiforgery field.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pagePath, string action, params (string Name, string Value)[] fields)
    {
        var (_, page) = await Html.GetAsync(client, pagePath);
        return await PostAsync(client, page, action, fields);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, IDocument page, string action, params (string Name, string Value)[] fields)
    {
        var form = page.QuerySelectorAll("form").FirstOrDefault(f => f.GetAttribute("action") == action);
        Assert.True(form is not null, $"no form posts to {action}");
        var values = form!.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(h => fields.All(f => f.Name != h.Key))
            .Concat(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return client.PostAsync(action, new FormUrlEncodedContent(values));
    }
}
