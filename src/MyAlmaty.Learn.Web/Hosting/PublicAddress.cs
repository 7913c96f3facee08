using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MyAlmaty.Learn.Web.Hosting;

/// <summary>
/// The address readers reach the site at, for every absolute link the site writes (emails,
/// hreflang, certificates). It comes from <see cref="SiteOptions.PublicUrl"/>, or, when that is not
/// set, from the address the server listens on — never from a request, whose Host header is
/// whatever the sender wrote.
/// </summary>
public sealed class PublicAddress(SiteOptions options, IServer server)
{
    private Uri? _base = Parse(options.PublicUrl);

    /// <summary>scheme://host[:port] without a trailing slash.</summary>
    public string Origin => (_base ??= FromServer()).GetLeftPart(UriPartial.Authority);

    public string Absolute(string path) => Origin + path;

    /// <summary>The host names a request may carry: the public one and the loopback names of a local run.</summary>
    public static IReadOnlyList<string> AllowedHosts(SiteOptions options)
    {
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        if (Parse(options.PublicUrl) is { } configured) hosts.Add(configured.IdnHost);
        hosts.AddRange(options.AllowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim()));
        return hosts.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Checks the setting at start, so a typo stops the site with a message instead of mailing broken links.</summary>
    public static Uri? Parse(string? publicUrl)
    {
        if (string.IsNullOrWhiteSpace(publicUrl)) return null;
        if (!Uri.TryCreate(publicUrl.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"Site:PublicUrl '{publicUrl}' must be an absolute http(s) address without a path, e.g. https://learn.example.kz");
        }
        return uri;
    }

    private Uri FromServer()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The site does not listen yet, and Site:PublicUrl is not set.");
        // A server listening on every interface is reached locally at 127.0.0.1.
        address = address.Replace("://0.0.0.0", "://127.0.0.1").Replace("://[::]", "://127.0.0.1").Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1");
        return new Uri(address);
    }
}
