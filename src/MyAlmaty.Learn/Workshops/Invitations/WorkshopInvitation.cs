using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Workshops.Invitations;

/// <summary>Where a campaign's addresses came from.</summary>
public enum CampaignSource
{
    Pasted,
    Csv,
    CourseLearners,
    PastAttendees,
}

/// <summary>One sending of invitations to a workshop by its facilitator.</summary>
public sealed class InvitationCampaign
{
    public long Id { get; set; }
    public required string WorkshopKey { get; set; }

    /// <summary>The account that created it.</summary>
    public required string CreatedBy { get; set; }

    public DateTime CreatedUtc { get; set; }
    public CampaignSource Source { get; set; }

    /// <summary>Null while it is a draft whose recipients are being checked; set when it was queued for sending.</summary>
    public DateTime? SentUtc { get; set; }
}

public enum RsvpAnswer
{
    None,
    Yes,
    No,
    Maybe,
}

/// <summary>
/// One person invited to one workshop, and what became of it: queued and sent (the outbox knows), opened the
/// RSVP page, answered, registered, attended. The invitation is the person's calendar event: every revision
/// sent (a change of time or place, a cancellation) raises <see cref="Revision"/>, the event's SEQUENCE.
/// </summary>
public sealed class WorkshopInvitation
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public required string WorkshopKey { get; set; }
    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string? Name { get; set; }

    /// <summary>The language of the invitation (ru, kk) and, for Kazakh, whether in Latin letters.</summary>
    public required string Culture { get; set; }

    public bool Latin { get; set; }

    /// <summary>The SEQUENCE of the last calendar message sent for it: 0 for the first invitation.</summary>
    public int Revision { get; set; }

    /// <summary>The outbox row of the last message sent for it: its delivery state is the invitation's.</summary>
    public long? OutboxMessageId { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime? OpenedUtc { get; set; }
    public RsvpAnswer Answer { get; set; }
    public DateTime? AnsweredUtc { get; set; }
}

/// <summary>An account that runs a workshop: it sees and edits that workshop, its invitations and its attendees.</summary>
public sealed class WorkshopFacilitator
{
    public required string WorkshopKey { get; set; }
    public required string UserId { get; set; }
    public DateTime AssignedUtc { get; set; }
}

internal sealed class InvitationConfiguration :
    IEntityTypeConfiguration<InvitationCampaign>, IEntityTypeConfiguration<WorkshopInvitation>, IEntityTypeConfiguration<WorkshopFacilitator>
{
    public void Configure(EntityTypeBuilder<InvitationCampaign> campaign)
    {
        campaign.ToTable("InvitationCampaigns");
        campaign.Property(c => c.WorkshopKey).HasMaxLength(200);
        campaign.Property(c => c.CreatedBy).HasMaxLength(450);
        campaign.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        campaign.HasIndex(c => c.WorkshopKey);
    }

    public void Configure(EntityTypeBuilder<WorkshopInvitation> invitation)
    {
        invitation.ToTable("WorkshopInvitations");
        invitation.Property(i => i.WorkshopKey).HasMaxLength(200);
        invitation.Property(i => i.Email).HasMaxLength(320);
        invitation.Property(i => i.NormalizedEmail).HasMaxLength(320);
        invitation.Property(i => i.Name).HasMaxLength(200);
        invitation.Property(i => i.Culture).HasMaxLength(8);
        invitation.Property(i => i.Answer).HasConversion<string>().HasMaxLength(10);
        // A person is invited to a workshop once; later campaigns list them as «already invited».
        invitation.HasIndex(i => new { i.WorkshopKey, i.NormalizedEmail }).IsUnique();
        invitation.HasIndex(i => i.CampaignId);
        invitation.HasOne<InvitationCampaign>().WithMany().HasForeignKey(i => i.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<WorkshopFacilitator> facilitator)
    {
        facilitator.ToTable("WorkshopFacilitators");
        facilitator.HasKey(f => new { f.WorkshopKey, f.UserId });
        facilitator.Property(f => f.WorkshopKey).HasMaxLength(200);
        facilitator.Property(f => f.UserId).HasMaxLength(450);
        facilitator.HasIndex(f => f.UserId);
    }
}
