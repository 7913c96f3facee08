using System.Text;
using Lucene.Net.Search.Highlight;

namespace MyAlmaty.Learn.Search.Querying;

/// <summary>
/// Escapes only what HTML needs (&amp; &lt; &gt; &quot; &#39;): letters stay letters, so a snippet is
/// readable as it is and can be shown in Latin script.
/// </summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public static string Encode(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> encoded.</summary>
    public static void Append(StringBuilder html, ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            var special = text.IndexOfAny("&<>\"'");
            if (special < 0)
            {
                html.Append(text);
                return;
            }
            html.Append(text[..special]).Append(text[special] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(special + 1)..];
        }
    }

    public string EncodeText(string originalText) => Encode(originalText);
}
