using System.Text;
using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Web.Themes;

/// <summary>
/// A reader's choice to read Kazakh pages in the Latin alphabet, kept in a cookie. The stored text
/// stays Cyrillic; finished pages are transliterated on the way out, text and the attributes people
/// read (alt, title, aria-label, placeholder, meta description) — never addresses, form values,
/// scripts, or parts marked as another language (lang="ru").
/// </summary>
public static class LatinScript
{
    public const string Cookie = "ma_script";
    public const string Latin = "latn";
    public const string Cyrillic = "cyrl";

    private static readonly string[] ReadableAttributes = ["alt", "title", "aria-label", "placeholder", "content"];
    private static readonly string[] RawElements = ["script", "style", "textarea"];

    public static bool IsChosen(HttpContext http, string culture) =>
        culture == Cultures.Kazakh && http.Request.Cookies[Cookie] == Latin;

    public static void Choose(HttpContext http, string script) =>
        http.Response.Cookies.Append(Cookie, script, new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = false,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
        });

    /// <summary>The page with its Kazakh text in Latin letters.</summary>
    public static string Transliterate(string html)
    {
        var output = new StringBuilder(html.Length + html.Length / 8);
        var position = 0;
        string? skipUntil = null;
        var skipDepth = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0) open = html.Length;
            var text = html[position..open];
            output.Append(skipUntil is null ? KazakhLatin.ToLatin(text) : text);
            if (open == html.Length) break;
            var close = TagEnd(html, open);
            var tag = html[open..close];
            var name = TagName(tag);
            if (skipUntil is not null)
            {
                if (name == skipUntil) skipDepth++;
                else if (name == "/" + skipUntil && --skipDepth == 0) skipUntil = null;
                output.Append(tag);
            }
            else
            {
                output.Append(Tag(tag, name));
                if (Array.IndexOf(RawElements, name) >= 0 || OtherLanguage(tag))
                {
                    if (!tag.EndsWith("/>", StringComparison.Ordinal))
                    {
                        skipUntil = name;
                        skipDepth = 1;
                    }
                }
            }
            position = close;
        }
        return output.ToString();
    }

    private static int TagEnd(string html, int open)
    {
        if (html.AsSpan(open).StartsWith("<!--"))
        {
            var end = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }
        char? quote = null;
        for (var i = open + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null)
            {
                if (c == quote) quote = null;
            }
            else if (c is '"' or '\'') quote = c;
            else if (c == '>') return i + 1;
        }
        return html.Length;
    }

    private static string TagName(string tag)
    {
        var start = 1;
        var end = start;
        if (end < tag.Length && tag[end] == '/') end++;
        while (end < tag.Length && (char.IsLetterOrDigit(tag[end]) || tag[end] == '-')) end++;
        return tag[start..end].ToLowerInvariant();
    }

    private static bool OtherLanguage(string tag)
    {
        var lang = AttributeValue(tag, "lang");
        // "ru", or "kk-Cyrl" for what must stay Cyrillic (the way back to Cyrillic).
        return lang is not null && !lang.Equals(Cultures.Kazakh, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The tag with its readable attributes transliterated, and the page's language marked as Latin Kazakh.</summary>
    private static string Tag(string tag, string name)
    {
        if (name == "html") return tag.Replace("lang=\"kk\"", "lang=\"kk-Latn\"", StringComparison.Ordinal);
        if (name.StartsWith('/') || name.StartsWith('!') || !tag.Contains('=')) return tag;
        var result = tag;
        foreach (var attribute in ReadableAttributes)
        {
            if (attribute == "content" && name != "meta") continue;
            if (AttributeValue(result, attribute) is { Length: > 0 } value)
            {
                result = result.Replace($"{attribute}=\"{value}\"", $"{attribute}=\"{KazakhLatin.ToLatin(value)}\"", StringComparison.Ordinal);
            }
        }
        return result;
    }

    private static string? AttributeValue(string tag, string attribute)
    {
        var marker = " " + attribute + "=\"";
        var start = tag.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0) return null;
        start += marker.Length;
        var end = tag.IndexOf('"', start);
        return end < 0 ? null : tag[start..end];
    }
}
