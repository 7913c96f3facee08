namespace MyAlmaty.Learn.Content.Markdown;

/// <summary>A mention of a glossary term in a piece of text.</summary>
/// <param name="Index">Where the mention starts in the text.</param>
/// <param name="Length">How many characters it spans, from its first word to its last.</param>
/// <param name="Term">The glossary entry mentioned.</param>
public readonly record struct GlossaryTermMatch(int Index, int Length, GlossaryLink Term);
