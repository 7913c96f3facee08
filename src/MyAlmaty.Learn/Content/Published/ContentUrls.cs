using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Content.Published;

/// <summary>Knows the public address of the content types of one feature (Orchard's autoroute, in code).</summary>
public interface IContentRouteProvider
{
    bool Handles(string contentType);

    /// <summary>The item's address, or null when it has none (e.g. a lesson in no published course).</summary>
    string? UrlFor(PublishedItem item, ContentCatalog catalog);

    /// <summary>The section an item of this type belongs to, e.g. /ru/courses.</summary>
    string SectionUrl(string contentType, string culture);
}

/// <summary>Addresses of content items: every link to content is made here.</summary>
public sealed class ContentUrls(IEnumerable<IContentRouteProvider> providers)
{
    private readonly IContentRouteProvider[] _providers = providers.ToArray();

    public static string Home(string culture) => $"/{culture}/";

    public string? UrlFor(PublishedItem item, ContentCatalog catalog) => Provider(item.ContentType)?.UrlFor(item, catalog);

    public string SectionUrl(string contentType, string culture) => Provider(contentType)?.SectionUrl(contentType, culture) ?? Home(culture);

    private IContentRouteProvider? Provider(string type) => Array.Find(_providers, p => p.Handles(type));
}

/// <summary>Glossary terms, session summaries and pages.</summary>
public sealed class CoreContentRoutes : IContentRouteProvider
{
    public bool Handles(string contentType) =>
        contentType is ContentTypeNames.GlossaryTerm or ContentTypeNames.SessionSummary or ContentTypeNames.Page;

    public string? UrlFor(PublishedItem item, ContentCatalog catalog) => item.ContentType switch
    {
        ContentTypeNames.Page => $"/{item.Culture}/{item.Slug}",
        _ => $"{SectionUrl(item.ContentType, item.Culture)}/{item.Slug}",
    };

    public string SectionUrl(string contentType, string culture) => contentType switch
    {
        ContentTypeNames.GlossaryTerm => $"/{culture}/glossary",
        ContentTypeNames.SessionSummary => $"/{culture}/summaries",
        _ => ContentUrls.Home(culture),
    };
}
