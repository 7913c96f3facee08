namespace MyAlmaty.Learn.Content.Translations;

/// <summary>The translations of one content type in one direction: every item of the source language with its translation's state.</summary>
public sealed record TypeCoverage(string ContentType, TranslationDirection Direction, IReadOnlyList<TranslationStatus> Items)
{
    public int UpToDate => Count(TranslationState.UpToDate);
    public int Outdated => Count(TranslationState.Outdated);
    public int Draft => Count(TranslationState.Draft);
    public int Missing => Count(TranslationState.Missing);

    public int Count(TranslationState state) => Items.Count(i => i.State == state);

    /// <summary>The items in one state, by translation key.</summary>
    public IEnumerable<TranslationStatus> In(TranslationState state) => Items.Where(i => i.State == state);
}

/// <summary>Translation coverage for each content type and direction.</summary>
public sealed record TranslationCoverage(IReadOnlyList<TypeCoverage> Rows)
{
    /// <summary>The row of one type and direction (empty when the type has no items).</summary>
    public TypeCoverage For(string contentType, TranslationDirection direction) =>
        Rows.FirstOrDefault(r => r.ContentType == contentType && r.Direction == direction) ?? new TypeCoverage(contentType, direction, []);
}
