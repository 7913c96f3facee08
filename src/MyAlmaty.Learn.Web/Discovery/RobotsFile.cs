using System.Text;
using MyAlmaty.Learn.Localization;
using MyAlmaty.Learn.Web.Hosting;

namespace MyAlmaty.Learn.Web.Discovery;

/// <summary>
/// /robots.txt: crawlers may read every public page and are kept out of what is someone's own or a
/// form (accounts, learning progress, certificates and their check, searches, quiz attempts and
/// analyses, the alphabet switch, the editors' and admin areas); it names the sitemap by its absolute address.
/// </summary>
public sealed class RobotsFile(PublicAddress address)
{
    public const string Path = "/robots.txt";

    /// <summary>Sections under /{culture}/ that are not for crawlers.</summary>
    private static readonly string[] Closed = ["account", "my", "search", "certificates", "verify", "editor", "admin"];

    private byte[]? _text;

    public byte[] Current() => _text ??= Encoding.UTF8.GetBytes(Write());

    private string Write()
    {
        var text = new StringBuilder();
        text.Append("# MyAlmaty.Learn: every public page is listed in the sitemap.\n");
        text.Append("User-agent: *\n");
        foreach (var culture in Cultures.All)
        {
            foreach (var section in Closed)
            {
                // The section itself, its query strings and what lies under it, but not a page whose
                // slug merely starts the same way (/ru/my-city is a page, /ru/my is not).
                text.Append($"Disallow: /{culture}/{section}$\n");
                text.Append($"Disallow: /{culture}/{section}?\n");
                text.Append($"Disallow: /{culture}/{section}/\n");
            }
            text.Append($"Disallow: /{culture}/search.json\n");
            text.Append($"Disallow: /{culture}/quizzes/*/attempts\n");
            text.Append($"Disallow: /{culture}/quizzes/*/analysis\n");
        }
        text.Append("Disallow: /verify/\n");
        text.Append($"Disallow: /{Cultures.Kazakh}/script/\n");
        text.Append('\n');
        text.Append($"Sitemap: {address.Absolute(Sitemap.Path)}\n");
        return text.ToString();
    }
}
