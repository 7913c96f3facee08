namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>Absolute folders of the site, resolved once at start.</summary>
public sealed record SitePaths(string Root, string Content, string Themes, string Data)
{
    public static SitePaths Resolve(SiteOptions options)
    {
        var root = options.RootPath is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : FindRoot(Directory.GetCurrentDirectory()) ?? FindRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        string Under(string path) => Path.GetFullPath(Path.Combine(root, path));
        return new SitePaths(root, Under(options.ContentPath), Under(options.ThemesPath), Under(options.DataPath));
    }

    /// <summary>The nearest folder upwards that has both content/ and themes/: the repository when run from a clone.</summary>
    private static string? FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "content")) && Directory.Exists(Path.Combine(dir.FullName, "themes")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
