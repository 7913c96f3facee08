using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>
/// What the people of a workshop were last told of its time and place, and how many times it changed. A change
/// is announced once whichever language's item brings it (the other language's item, published later with
/// the same facts, changes nothing), and <see cref="Sequence"/> is the SEQUENCE of the calendar messages to
/// registrations that came without an invitation: each announcement raises it by one. The venue is written in
/// each language's own words, so it is remembered per language: a translation catching up says nothing new.
/// </summary>
public sealed class WorkshopAnnouncement
{
    public required string WorkshopKey { get; set; }
    public int Sequence { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    /// <summary>The venue each language's people were told, as a JSON object of culture to venue (null: online only).</summary>
    public string Venues { get; set; } = "{}";

    public string? OnlineUrl { get; set; }
    public bool Cancelled { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Whether the people of <paramref name="culture"/> were told a venue in their words yet.</summary>
    public bool KnowsVenueIn(string culture) => Read().ContainsKey(culture);

    /// <summary>What the people of <paramref name="culture"/> were told.</summary>
    public WorkshopPlace PlaceIn(string culture) => new(StartsAt, EndsAt, Read().GetValueOrDefault(culture), OnlineUrl);

    public void Tell(string culture, WorkshopPlace place, DateTime nowUtc)
    {
        (StartsAt, EndsAt, OnlineUrl) = (place.StartsAt, place.EndsAt, place.OnlineUrl);
        var venues = Read();
        venues[culture] = place.Venue;
        Venues = JsonSerializer.Serialize(venues);
        UpdatedUtc = nowUtc;
    }

    private Dictionary<string, string?> Read() => JsonSerializer.Deserialize<Dictionary<string, string?>>(Venues) ?? [];
}

internal sealed class WorkshopAnnouncementConfiguration : IEntityTypeConfiguration<WorkshopAnnouncement>
{
    public void Configure(EntityTypeBuilder<WorkshopAnnouncement> announcement)
    {
        announcement.ToTable("WorkshopAnnouncements");
        announcement.HasKey(a => a.WorkshopKey);
        announcement.Property(a => a.WorkshopKey).HasMaxLength(200);
        announcement.Property(a => a.Venues).HasMaxLength(1000);
        announcement.Property(a => a.OnlineUrl).HasMaxLength(500);
    }
}
