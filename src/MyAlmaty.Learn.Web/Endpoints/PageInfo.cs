namespace MyAlmaty.Learn.Web.Endpoints;

/// <summary>What the layout needs to know about the page: language, title, alternates, switcher.</summary>
public sealed record PageInfo
{
    public required string Culture { get; init; }
    public string OtherCulture => Localization.Cultures.Other(Culture);
    /// <summary>The content title; section pages leave it empty and their view assigns page_title.</summary>
    public string? Title { get; init; }
    public string? Description { get; init; }

    /// <summary>The navigation section to highlight: home, courses, glossary, summaries, or empty.</summary>
    public string Section { get; init; } = "";

    /// <summary>Absolute addresses of this page in each language it exists in (hreflang).</summary>
    public IReadOnlyList<AlternateLink> Alternates { get; init; } = [];

    /// <summary>Where the language switcher goes: the translation, or the other language's section with a notice.</summary>
    public required string SwitchUrl { get; init; }

    /// <summary>A notice to show at the top, by key: "untranslated".</summary>
    public string? Notice { get; init; }

    public IReadOnlyList<LinkView> Breadcrumbs { get; init; } = [];

    /// <summary>The signed-in person, or null.</summary>
    public UserView? User { get; init; }

    /// <summary>Kazakh pages: the reader reads them in the Latin alphabet.</summary>
    public bool Latin { get; init; }

    /// <summary>This page's address with the query it stands for (a search), when that matters to a link back to it.</summary>
    public string? Self { get; init; }

    /// <summary>Kazakh pages: where the link to the other alphabet goes (it comes back to this page).</summary>
    public string? ScriptUrl { get; init; }

    /// <summary>The hidden field every form carries; only made for pages with forms, since it sets a cookie.</summary>
    public AntiforgeryView? Antiforgery { get; init; }
}

public sealed record UserView(string? Name, string Email);

public sealed record AntiforgeryView(string FieldName, string Token);

public sealed record AlternateLink(string Hreflang, string Url);

public sealed record LinkView(string Title, string Url, string? Summary = null);
