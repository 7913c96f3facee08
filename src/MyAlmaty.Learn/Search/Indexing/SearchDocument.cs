using Lucene.Net.Documents;

namespace MyAlmaty.Learn.Search.Indexing;

/// <summary>What the index holds of one version of a content item.</summary>
public sealed record SearchDocument
{
    public required string Culture { get; init; }
    public required string ContentType { get; init; }
    public required string TranslationKey { get; init; }
    public required string Title { get; init; }

    /// <summary>The plain text a reader sees: summary, body, and for terms their definition and other names.</summary>
    public required string Text { get; init; }

    /// <summary>The public sees it: the published version.</summary>
    public bool Public { get; init; }

    /// <summary>Editors see it: the newest version, published or draft.</summary>
    public bool Workspace { get; init; }

    public SearchStatus Status { get; init; } = SearchStatus.Published;

    public string Ref => RefOf(ContentType, TranslationKey);

    public static string RefOf(string contentType, string key) => $"{contentType}/{key}";

    public Document ToLucene()
    {
        var document = new Document
        {
            new StringField(SearchFields.Ref, Ref, Field.Store.YES),
            new StringField(SearchFields.Culture, Culture, Field.Store.YES),
            new StringField(SearchFields.Type, ContentType, Field.Store.YES),
            new StringField(SearchFields.Key, TranslationKey, Field.Store.YES),
            new StringField(SearchFields.Status, Status.ToString(), Field.Store.YES),
            new TextField(SearchFields.Title, Title, Field.Store.YES),
            new TextField(SearchFields.Text, Text, Field.Store.YES),
        };
        if (Public) document.Add(new StringField(SearchFields.Visibility, SearchFields.Public, Field.Store.NO));
        if (Workspace) document.Add(new StringField(SearchFields.Visibility, SearchFields.Workspace, Field.Store.NO));
        return document;
    }
}

public enum SearchStatus
{
    Published,
    /// <summary>A newer version waits beside the published one.</summary>
    Draft,
    /// <summary>Never published, or taken off the site.</summary>
    Unpublished,
}

/// <summary>Field names of the index.</summary>
public static class SearchFields
{
    public const string Ref = "ref";
    public const string Culture = "culture";
    public const string Type = "type";
    public const string Key = "key";
    public const string Status = "status";
    public const string Title = "title";
    public const string Text = "text";
    public const string Visibility = "visibility";
    public const string Public = "public";
    public const string Workspace = "workspace";
}
