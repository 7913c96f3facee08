namespace MyAlmaty.Learn.Search.Querying;

/// <summary>A search as a reader asks it.</summary>
public sealed record SearchRequest
{
    public required string Culture { get; init; }
    public string? Text { get; init; }

    /// <summary>Only results of this content type (the counts still cover all types).</summary>
    public string? ContentType { get; init; }

    /// <summary>1-based.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 10;

    /// <summary>Also search the other language's content.</summary>
    public bool IncludeOtherLanguage { get; init; }

    /// <summary>Editors' view: newest versions, drafts and unpublished items included.</summary>
    public bool Workspace { get; init; }

    /// <summary>Make highlighted snippets (the instant list needs only titles).</summary>
    public bool Snippets { get; init; } = true;
}

/// <summary>What a search found.</summary>
public sealed record SearchResults
{
    public required string Text { get; init; }
    public int Total { get; init; }

    /// <summary>Results per content type, whatever the type filter.</summary>
    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<SearchHit> Hits { get; init; } = [];
    public int Page { get; init; } = 1;
    public int PageCount { get; init; }

    public SearchNotice Notice { get; init; }

    /// <summary>The text was cut to <see cref="SearchInput.MaximumLength"/> characters or <see cref="SearchInput.MaximumWords"/> words.</summary>
    public bool Shortened { get; init; }

    /// <summary>When words were not found and similar ones were: those words, to search for instead.</summary>
    public string? Suggestion { get; init; }
}

public enum SearchNotice
{
    None,
    /// <summary>Nothing typed, or only signs and stop words.</summary>
    NoWords,
    /// <summary>Some words were not found; results for similar words.</summary>
    SimilarWords,
    /// <summary>No item has all the words; results with some of them.</summary>
    SomeWords,
    NothingFound,
}

/// <summary>One result; <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are encoded, with matches in &lt;mark&gt;.</summary>
public sealed record SearchHit(string Culture, string ContentType, string TranslationKey, string Title, string TitleHtml, string SnippetHtml, Indexing.SearchStatus Status);
