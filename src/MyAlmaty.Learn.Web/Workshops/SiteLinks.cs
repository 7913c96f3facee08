using MyAlmaty.Learn.Web.Hosting;
using MyAlmaty.Learn.Web.Themes;
using MyAlmaty.Learn.Workshops.Summaries;

namespace MyAlmaty.Learn.Web.Workshops;

/// <summary>Links in workshop mail: the configured public address, never a request's Host.</summary>
public sealed class SiteLinks(PublicAddress address) : ISiteLinks
{
    // The alphabet switch sets the reader's choice and comes back to the page, as the page's own switch does.
    public string Page(string path, bool latin = false) =>
        address.Absolute(latin ? $"/kk/script/{LatinScript.Latin}?return={Uri.EscapeDataString(path)}" : path);
}
