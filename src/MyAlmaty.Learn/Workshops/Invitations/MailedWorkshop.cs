using MyAlmaty.Learn.Content;
using MyAlmaty.Learn.Content.Journal;
using MyAlmaty.Learn.Content.Published;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>
/// A workshop as its emails describe it: one language's title and summary with the time and place. It is made
/// from the published item, or, while a publication is being saved, from the version going on the site.
/// </summary>
public sealed record MailedWorkshop(string Key, string Culture, string Title, string? Summary, string Slug, WorkshopMetadata Facts)
{
    public string Uid => $"workshop-{Key}@{WorkshopCalendar.Domain}";

    public string PagePath => $"/{Culture}/workshops/{Slug}";

    public DateTime StartsUtc => WorkshopCalendar.UtcOf(Facts.StartsAt);

    public DateTime EndsUtc => WorkshopCalendar.UtcOf(Facts.EndsAt);

    public static MailedWorkshop Of(PublishedItem item) =>
        new(item.TranslationKey, item.Culture, item.Title, item.Metadata.Summary, item.Slug, item.MetadataAs<WorkshopMetadata>());

    public static MailedWorkshop? Of(ContentKey key, ContentItemVersion? version) =>
        ContentPublication.MetadataOf<WorkshopMetadata>(version) is { } facts
            ? new(key.TranslationKey, key.Culture, version!.Title, facts.Summary, version.Slug, facts)
            : null;

    /// <summary>
    /// The same workshop told in another language's words (its title and address) with these facts: a change saved
    /// in one language reaches each person in theirs, even before the other language's item is published again.
    /// The venue stays this one's when it is the news; otherwise the translation's own words name the same place.
    /// </summary>
    public MailedWorkshop InWordsOf(PublishedItem? translation, bool venueIsNews)
    {
        if (translation is null) return this;
        var theirs = translation.MetadataAs<WorkshopMetadata>();
        return this with
        {
            Culture = translation.Culture, Title = translation.Title, Summary = translation.Metadata.Summary, Slug = translation.Slug,
            Facts = venueIsNews ? Facts : Facts with { Venue = theirs.Venue, MapUrl = theirs.MapUrl },
        };
    }
}

/// <summary>What a calendar invitation must keep up with: a change of any of these is announced to the people invited.</summary>
public sealed record WorkshopPlace(DateTime StartsAt, DateTime EndsAt, string? Venue, string? OnlineUrl)
{
    public static WorkshopPlace Of(WorkshopMetadata facts) => new(facts.StartsAt, facts.EndsAt, facts.Venue, facts.OnlineUrl);
}
