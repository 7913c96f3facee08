namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>Bound from the "Site" configuration section. Relative paths are resolved by <see cref="SitePaths"/>.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The folder that holds content/, themes/ and data/. Found by looking upwards when empty.</summary>
    public string? RootPath { get; set; }

    public string ContentPath { get; set; } = "content";
    public string ThemesPath { get; set; } = "themes";
    public string DataPath { get; set; } = "data";

    /// <summary>The theme folder under <see cref="ThemesPath"/>.</summary>
    public string Theme { get; set; } = "Default";

    /// <summary>Import content/ when the site starts.</summary>
    public bool ImportOnStart { get; set; } = true;

    /// <summary>Sign-in, sign-up and link requests one address may make a minute.</summary>
    public int AccountRequestsPerMinute { get; set; } = 10;

    /// <summary>
    /// The address readers use, e.g. https://learn.example.kz: every link in an email and every
    /// absolute address on a page is built from it. Empty: the address the site listens on.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>More host names requests may carry besides the public one and loopback (e.g. a second domain).</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Serve cached pages to anonymous readers (turned off while editing templates).</summary>
    public bool CachePages { get; set; } = true;
}
