namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>A glossary entry that Markdown text links to on its first mention.</summary>
/// <param name="Title">The term as it appears in the glossary, in its dictionary form.</param>
/// <param name="Aliases">Other dictionary forms that mean the same term (synonyms, abbreviations).</param>
/// <param name="Url">Where the term's glossary page lives.</param>
/// <param name="Definition">A one- or two-sentence definition shown on hover and focus.</param>
public sealed record GlossaryLink(string Title, IReadOnlyList<string> Aliases, string Url, string Definition);
