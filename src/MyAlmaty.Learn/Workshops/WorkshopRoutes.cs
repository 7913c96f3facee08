using MyAlmaty.Learn.Content.Published;

namespace MyAlmaty.Learn.Workshops;

/// <summary>/{culture}/workshops and /{culture}/workshops/{slug}.</summary>
public sealed class WorkshopRoutes : IContentRouteProvider
{
    public bool Handles(string contentType) => contentType == WorkshopTypeNames.Workshop;

    public string? UrlFor(PublishedItem item, ContentCatalog catalog) => $"{SectionUrl(item.ContentType, item.Culture)}/{item.Slug}";

    public string SectionUrl(string contentType, string culture) => $"/{culture}/workshops";
}
