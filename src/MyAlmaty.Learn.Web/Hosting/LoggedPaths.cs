using System.Text.RegularExpressions;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>Addresses as they may appear in logs: the token of a one-time link is a key to an account, and logs are read by more people than accounts are.</summary>
public static partial class LoggedPaths
{
    [GeneratedRegex(@"(/account/(?:link|reset)/)[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    public static string Redact(PathString path) => Redact(path.Value);

    public static string Redact(string? path) => path is null ? "" : Token().Replace(path.Length > 300 ? path[..300] + "…" : path, "$1…");
}
