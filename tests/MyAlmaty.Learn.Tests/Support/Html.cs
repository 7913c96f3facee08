using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MyAlmaty.Learn.Tests.Support;

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<(HttpResponseMessage Response, IDocument Document)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, Parse(await response.Content.ReadAsStringAsync()));
    }
}
