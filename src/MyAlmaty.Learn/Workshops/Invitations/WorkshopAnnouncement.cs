using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>
/// What the people of a workshop were last told of its time and place, and how many times it changed. A change
/// is announced once whichever language's item brings it (the other language's item, published later with
/// the same facts, changes nothing), and <see cref="Sequence"/> is the SEQUENCE of the calendar messages to
/// registrations that came without an invitation: each announcement raises it by one.
/// </summary>
public sealed class WorkshopAnnouncement
{
    public required string WorkshopKey { get; set; }
    public int Sequence { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Venue { get; set; }
    public string? OnlineUrl { get; set; }
    public bool Cancelled { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public WorkshopPlace Place => new(StartsAt, EndsAt, Venue, OnlineUrl);

    public void Tell(WorkshopPlace place, DateTime nowUtc)
    {
        (StartsAt, EndsAt, Venue, OnlineUrl) = (place.StartsAt, place.EndsAt, place.Venue, place.OnlineUrl);
        UpdatedUtc = nowUtc;
    }
}

internal sealed class WorkshopAnnouncementConfiguration : IEntityTypeConfiguration<WorkshopAnnouncement>
{
    public void Configure(EntityTypeBuilder<WorkshopAnnouncement> announcement)
    {
        announcement.ToTable("WorkshopAnnouncements");
        announcement.HasKey(a => a.WorkshopKey);
        announcement.Property(a => a.WorkshopKey).HasMaxLength(200);
        announcement.Property(a => a.Venue).HasMaxLength(300);
        announcement.Property(a => a.OnlineUrl).HasMaxLength(500);
        announcement.Ignore(a => a.Place);
    }
}
