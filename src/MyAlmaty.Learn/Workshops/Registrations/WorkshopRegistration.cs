using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Workshops.Registrations;

public enum RegistrationStatus
{
    /// <summary>Has a place.</summary>
    Registered,

    /// <summary>Waits for a place; promoted in order when one frees up.</summary>
    Waitlisted,

    /// <summary>Gave the place (or the waiting) up.</summary>
    Cancelled,

    /// <summary>Still waiting when the workshop began: no place freed up.</summary>
    Expired,
}

/// <summary>
/// A person's place at a workshop, or their place on its waitlist. We keep no more than the name and the
/// address they gave (and their account, when they were signed in); tickets and links name the row, never the address.
/// </summary>
public sealed class WorkshopRegistration
{
    public long Id { get; set; }

    /// <summary>The workshop's translation key: one registration holds for both languages.</summary>
    public required string WorkshopKey { get; set; }

    /// <summary>The account of a learner who registered signed in; null for a registration by name and address.</summary>
    public string? UserId { get; set; }

    public required string Name { get; set; }

    /// <summary>The address as typed; <see cref="NormalizedEmail"/> (upper-invariant) finds it.</summary>
    public required string Email { get; set; }

    public required string NormalizedEmail { get; set; }

    /// <summary>The language the person wants their emails in (ru, kk).</summary>
    public required string Culture { get; set; }

    /// <summary>Kazakh in Latin letters: the person read the site that way when they registered.</summary>
    public bool Latin { get; set; }

    public RegistrationStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>When the person last got or lost a place or a waiting position; the waitlist is served in this order.</summary>
    public DateTime StatusChangedUtc { get; set; }

    public DateTime? CheckedInUtc { get; set; }

    /// <summary>The account of the facilitator who checked the person in.</summary>
    public string? CheckedInBy { get; set; }

    /// <summary>The invitation the person answered, when they came from one.</summary>
    public long? InvitationId { get; set; }
}

/// <summary>
/// How many places of a workshop are taken. A place is taken by one conditional update
/// (<c>Taken = Taken + 1 WHERE Taken &lt; capacity</c>), so parallel sign-ups never overbook, on SQLite or a server database.
/// </summary>
public sealed class WorkshopSeats
{
    public required string WorkshopKey { get; set; }
    public int Taken { get; set; }
}

internal sealed class WorkshopRegistrationConfiguration : IEntityTypeConfiguration<WorkshopRegistration>, IEntityTypeConfiguration<WorkshopSeats>
{
    public void Configure(EntityTypeBuilder<WorkshopRegistration> registration)
    {
        registration.ToTable("WorkshopRegistrations");
        registration.Property(r => r.WorkshopKey).HasMaxLength(200);
        registration.Property(r => r.UserId).HasMaxLength(450);
        registration.Property(r => r.Name).HasMaxLength(200);
        registration.Property(r => r.Email).HasMaxLength(320);
        registration.Property(r => r.NormalizedEmail).HasMaxLength(320);
        registration.Property(r => r.Culture).HasMaxLength(8);
        registration.Property(r => r.CheckedInBy).HasMaxLength(450);
        registration.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        // One row per person and workshop: registering again after cancelling takes the same row up again.
        registration.HasIndex(r => new { r.WorkshopKey, r.NormalizedEmail }).IsUnique();
        registration.HasIndex(r => new { r.WorkshopKey, r.Status, r.StatusChangedUtc });
        registration.HasIndex(r => r.UserId);
    }

    public void Configure(EntityTypeBuilder<WorkshopSeats> seats)
    {
        seats.ToTable("WorkshopSeats");
        seats.HasKey(s => s.WorkshopKey);
        seats.Property(s => s.WorkshopKey).HasMaxLength(200);
    }
}
