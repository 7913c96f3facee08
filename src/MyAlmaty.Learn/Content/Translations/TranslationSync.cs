namespace MyAlmaty.Learn.Content.Translations;

/// <summary>
/// What a translation is in step with: version <paramref name="Version"/> of the item with the same type
/// and translation key in <paramref name="Culture"/>.
/// </summary>
public sealed record TranslationSync(string Culture, int Version);
