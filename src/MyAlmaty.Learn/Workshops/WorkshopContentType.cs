using MyAlmaty.Learn.Content.Import;
using MyAlmaty.Learn.Content.Types;

namespace MyAlmaty.Learn.Workshops;

public static class WorkshopTypeNames
{
    public const string Workshop = "Workshop";
}

/// <summary>Where a workshop stands.</summary>
public enum WorkshopStatus
{
    Scheduled,

    /// <summary>Its time or place changed after invitations went out.</summary>
    Changed,

    Cancelled,

    /// <summary>It took place.</summary>
    Held,
}

/// <summary>A workshop of the programme: when and where it is held, in which languages, for how many, and what it is about.</summary>
public sealed record WorkshopMetadata : ContentMetadata
{
    /// <summary>Start and end in Almaty time, as written.</summary>
    public DateTime StartsAt { get; init; }

    public DateTime EndsAt { get; init; }

    /// <summary>The languages it is held in (ru, kk).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public string? Venue { get; init; }
    public string? MapUrl { get; init; }
    public string? OnlineUrl { get; init; }
    public int? Capacity { get; init; }
    public IReadOnlyList<string> Facilitators { get; init; } = [];
    public string? Course { get; init; }
    public IReadOnlyList<string> Lessons { get; init; } = [];

    /// <summary>Written as <c>state</c>: <c>status</c> in front matter is every item's published-or-draft.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("state")]
    public WorkshopStatus Status { get; init; }

    public override IEnumerable<string> SearchableText() => [.. base.SearchableText(), .. Venue is null ? Array.Empty<string>() : [Venue]];
}

/// <summary>
/// The Workshop content type: imported from content/, edited, versioned and translated like the others.
/// Its fields are declared; the rules that span them (an end after the start, a place to come to) are checked here.
/// </summary>
public sealed class WorkshopType : ContentTypeDefinition<WorkshopMetadata>
{
    public override string Name => WorkshopTypeNames.Workshop;
    public override string Label => "Workshop";
    public override string Folder => "workshops";

    protected override IEnumerable<ContentField> DeclareFields() =>
    [
        new("startsAt", FieldKind.DateTime, "Starts at (Almaty time)") { Required = true, Help = "YYYY-MM-DD HH:MM, e.g. 2027-03-14 18:30." },
        new("endsAt", FieldKind.DateTime, "Ends at (Almaty time)") { Required = true },
        new("languages", FieldKind.TextList, "Languages it is held in") { Required = true, MaxLength = 2, Help = "ru and/or kk, one per line." },
        new("venue", FieldKind.Text, "Venue") { MaxLength = 300, Help = "The address, as a participant would look for it." },
        new("mapUrl", FieldKind.Text, "Map link") { MaxLength = 500 },
        new("onlineUrl", FieldKind.Text, "Online link") { MaxLength = 500, Help = "For a workshop held online; shown to registered participants." },
        new("capacity", FieldKind.Number, "Places") { Min = 1, Max = 10_000, Help = "No limit when empty." },
        new("facilitators", FieldKind.TextList, "Facilitators") { MaxLength = 200, Help = "Names as participants should see them, one per line." },
        new("course", FieldKind.Reference, "Course") { Target = ContentTypeNames.Course },
        new("lessons", FieldKind.ReferenceList, "Lessons") { Target = ContentTypeNames.Lesson, Help = "The lessons the workshop builds on, in order." },
        new("state", FieldKind.Choice, "Status")
        {
            Choices = ["scheduled", "changed", "cancelled", "held"],
            Help = "scheduled when empty; changed after a change of time or place; cancelled; held once it took place.",
        },
    ];

    protected override WorkshopMetadata Complete(WorkshopMetadata metadata, FrontMatter fm)
    {
        if (fm.Has("startsAt") && fm.Has("endsAt") && metadata.StartsAt != default && metadata.EndsAt != default && metadata.EndsAt <= metadata.StartsAt)
        {
            fm.Error("endsAt", WorkshopMessages.EndsBeforeStart);
        }
        foreach (var language in metadata.Languages.Where(l => !Localization.Cultures.IsSupported(l)))
        {
            fm.Error("languages", WorkshopMessages.UnknownLanguage, language);
        }
        if (metadata.Venue is null && metadata.OnlineUrl is null) fm.Error("venue", WorkshopMessages.NoPlace);
        foreach (var (field, url) in new[] { ("mapUrl", metadata.MapUrl), ("onlineUrl", metadata.OnlineUrl) })
        {
            if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")) fm.Error(field, WorkshopMessages.BadLink, url);
        }
        return metadata;
    }
}

/// <summary>Messages about workshops, as msgids translated in ru.po and kk.po.</summary>
public static class WorkshopMessages
{
    public const string EndsBeforeStart = "The workshop must end after it starts.";
    public const string UnknownLanguage = "'{0}' is not a language of the site: use ru or kk.";
    public const string NoPlace = "Give the venue, or the online link, or both.";
    public const string BadLink = "'{0}' is not a web address (it starts with https://).";
}
