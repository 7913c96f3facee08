using MyAlmaty.Learn.Localization;

namespace MyAlmaty.Learn.Content.Translations;

/// <summary>Where a translation stands against the item it translates.</summary>
public enum TranslationState
{
    /// <summary>There is no item in the target language.</summary>
    Missing,

    /// <summary>The item in the target language has no published version.</summary>
    Draft,

    UpToDate,

    /// <summary>The source was published again after the translation was last brought in step with it.</summary>
    Outdated,
}

/// <summary>Why a published translation is judged up to date or outdated.</summary>
public enum TranslationBasis
{
    /// <summary>Missing or draft: there is nothing published to judge.</summary>
    None,

    /// <summary>The translation records the source version it is in step with (saved as a translation or marked up to date).</summary>
    Recorded,

    /// <summary>The source was itself translated from this item (more recently than the other way round): this item is the original.</summary>
    Original,

    /// <summary>The source has no published version, so nothing newer can be on the site.</summary>
    SourceUnpublished,

    /// <summary>Neither item records a translation (files imported as they are): the publication times decide.</summary>
    PublicationTimes,
}

/// <summary>From which language into which a translation is judged.</summary>
public sealed record TranslationDirection(string Source, string Target)
{
    public static readonly TranslationDirection RussianToKazakh = new(Cultures.Russian, Cultures.Kazakh);
    public static readonly TranslationDirection KazakhToRussian = new(Cultures.Kazakh, Cultures.Russian);

    public static IReadOnlyList<TranslationDirection> All { get; } = [RussianToKazakh, KazakhToRussian];

    /// <summary>Into <paramref name="target"/> from the other language.</summary>
    public static TranslationDirection Into(string target) => From(Cultures.Other(target));

    /// <summary>From <paramref name="source"/> into the other language.</summary>
    public static TranslationDirection From(string source) => source switch
    {
        Cultures.Russian => RussianToKazakh,
        Cultures.Kazakh => KazakhToRussian,
        _ => new(source, Cultures.Other(source)),
    };

    public override string ToString() => $"{Source}→{Target}";
}

/// <summary>One side of a translation: the item in one language, its title and its versions.</summary>
/// <param name="Title">The published version's title, or the newest version's when none is published.</param>
/// <param name="LatestNumber">The newest version, draft or not.</param>
/// <param name="PublishedNumber">The version on the site, if any.</param>
public sealed record TranslationSide(string Culture, string Title, int LatestNumber, int? PublishedNumber, DateTime? PublishedUtc);

/// <summary>
/// How the item in <see cref="Direction"/>'s target language stands against the one in its source language
/// (same type and translation key).
/// </summary>
public sealed record TranslationStatus
{
    public required string ContentType { get; init; }
    public required string TranslationKey { get; init; }
    public required TranslationDirection Direction { get; init; }
    public required TranslationState State { get; init; }
    public required TranslationBasis Basis { get; init; }
    public required TranslationSide Source { get; init; }

    /// <summary>The translation; null when <see cref="TranslationState.Missing"/>.</summary>
    public TranslationSide? Target { get; init; }

    /// <summary>The source version the published translation records being in step with (<see cref="TranslationBasis.Recorded"/> only).</summary>
    public int? SyncedSourceVersion { get; init; }

    public ContentKey SourceKey => new(Direction.Source, ContentType, TranslationKey);
    public ContentKey TargetKey => new(Direction.Target, ContentType, TranslationKey);
}
