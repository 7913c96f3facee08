namespace MyAlmaty.Learn.Content.Translations;

/// <summary>A translation recorded on version <paramref name="CarriedBy"/> of an item: in step with version <paramref name="SourceVersion"/> of its <paramref name="Culture"/> counterpart.</summary>
internal readonly record struct SyncMark(int CarriedBy, string Culture, int SourceVersion);

/// <summary>What the rules need to know about one item: its versions on the site and the translations it records.</summary>
internal sealed record ItemFacts(string Culture, string Title, int LatestNumber, int? PublishedNumber, DateTime? PublishedUtc, IReadOnlyList<SyncMark> Syncs)
{
    /// <summary>
    /// The newest translation from <paramref name="culture"/> recorded at or before the published version: a
    /// plain edit after it (a typo fixed) keeps the translation in step with the same source version.
    /// </summary>
    public SyncMark? LastSyncFrom(string culture)
    {
        SyncMark? last = null;
        foreach (var sync in Syncs)
        {
            if (sync.Culture == culture && sync.CarriedBy <= PublishedNumber && (last is null || sync.CarriedBy > last.Value.CarriedBy)) last = sync;
        }
        return last;
    }

    public TranslationSide Side { get; } = new(Culture, Title, LatestNumber, PublishedNumber, PublishedUtc);
}

/// <summary>
/// The rules that say whether a translation is up to date, pure so that one item and ten thousand are
/// judged alike. For a published target T and a published source S:
/// <list type="number">
/// <item>T records being in step with S version n (and S was not translated from T since — its own
/// record, if any, is older than S version n): T is outdated when S's published version is newer than n.</item>
/// <item>Otherwise S records being translated from T: T is S's original, and edits made to the translation
/// afterwards (corrections, mostly) do not make the original outdated.</item>
/// <item>Otherwise nothing is recorded (both imported from files): T is outdated when S's published
/// version was published after T's.</item>
/// </list>
/// </summary>
internal static class TranslationRules
{
    public static TranslationStatus Evaluate(string contentType, string translationKey, TranslationDirection direction, ItemFacts source, ItemFacts? target)
    {
        var (state, basis, synced) = Judge(source, target);
        return new TranslationStatus
        {
            ContentType = contentType,
            TranslationKey = translationKey,
            Direction = direction,
            State = state,
            Basis = basis,
            Source = source.Side,
            Target = target?.Side,
            SyncedSourceVersion = synced,
        };
    }

    private static (TranslationState, TranslationBasis, int?) Judge(ItemFacts source, ItemFacts? target)
    {
        if (target is null) return (TranslationState.Missing, TranslationBasis.None, null);
        if (target.PublishedNumber is null) return (TranslationState.Draft, TranslationBasis.None, null);
        if (source.PublishedNumber is not { } sourcePublished) return (TranslationState.UpToDate, TranslationBasis.SourceUnpublished, null);

        var targetSync = target.LastSyncFrom(source.Culture);
        var sourceSync = source.LastSyncFrom(target.Culture);
        if (targetSync is { } recorded && (sourceSync is null || recorded.SourceVersion >= sourceSync.Value.CarriedBy))
        {
            return (sourcePublished > recorded.SourceVersion ? TranslationState.Outdated : TranslationState.UpToDate, TranslationBasis.Recorded, recorded.SourceVersion);
        }
        if (sourceSync is not null) return (TranslationState.UpToDate, TranslationBasis.Original, null);
        return (source.PublishedUtc > target.PublishedUtc ? TranslationState.Outdated : TranslationState.UpToDate, TranslationBasis.PublicationTimes, null);
    }
}
