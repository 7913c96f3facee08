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
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    public string EncodeText(string originalText) => Encode(originalText);
}
