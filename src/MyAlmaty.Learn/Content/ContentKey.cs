namespace MyAlmaty.Learn.Content;

/// <summary>What identifies a content item: its culture, type and translation key.</summary>
public sealed record ContentKey(string Culture, string ContentType, string TranslationKey)
{
    public static ContentKey Of(ContentItem item) => new(item.Culture, item.ContentType, item.TranslationKey);
}
