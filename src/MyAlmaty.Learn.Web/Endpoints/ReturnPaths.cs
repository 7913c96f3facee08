namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>
/// Where a person may be sent back to after signing in or switching the alphabet: a path on this
/// site made of plain URL characters. Anything else — another host, a scheme, a backslash, a tab
/// that a browser would drop to make «//», a control character, a letter outside ASCII — is not
/// fixed but refused, and the caller falls back to its own default.
/// </summary>
public static class ReturnPaths
{
    public const int MaximumLength = 300;

    public static string? Local(string? path)
    {
        if (path is not { Length: > 0 and <= MaximumLength } || path[0] != '/') return null;
        if (path.Length > 1 && path[1] is '/' or '\\') return null;
        foreach (var c in path)
        {
            if (!IsSafe(c)) return null;
        }
        return Uri.TryCreate(path, UriKind.Relative, out _) ? path : null;
    }

    /// <summary>RFC 3986's unreserved and sub-delimiter characters, and those of a path and a query; no backslash, no space, nothing invisible.</summary>
    private static bool IsSafe(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
        || "-._~/?=&%#+:@!$'()*,;".Contains(c);
}
