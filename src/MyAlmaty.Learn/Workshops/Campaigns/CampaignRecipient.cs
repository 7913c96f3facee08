using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyAlmaty.Learn.Workshops.Invitations;

namespace MyAlmaty.Learn.Workshops.Campaigns;

/// <summary>What the check of a list found for one line, in the order the report gives them.</summary>
public enum RecipientVerdict
{
    Valid,
    Invalid,

    /// <summary>The same address earlier in the list: only the first line is invited.</summary>
    Duplicate,

    Unsubscribed,
    Registered,
    Invited,
}

/// <summary>
/// One line of a campaign that is not sent yet, kept between the check and the sending so the facilitator can
/// read the report, choose languages and send without uploading the list again. Rows of a sent campaign stay as
/// its record of what was refused and why; the invitations themselves are <see cref="WorkshopInvitation"/> rows.
/// </summary>
public sealed class CampaignRecipient
{
    public long Id { get; set; }
    public long CampaignId { get; set; }

    /// <summary>The line of the pasted text or the file, for the report.</summary>
    public int Line { get; set; }

    public required string Email { get; set; }
    public required string NormalizedEmail { get; set; }
    public string? Name { get; set; }

    /// <summary>ru or kk, with <see cref="Latin"/> for Kazakh in Latin letters.</summary>
    public required string Culture { get; set; }

    public bool Latin { get; set; }

    /// <summary>Whether the list gave the language (a column of the file, the person's account): shown as such.</summary>
    public bool LanguageGiven { get; set; }

    public RecipientVerdict Verdict { get; set; }

    /// <summary>Why it is not valid, as a msgid; <see cref="ReasonArgument"/> fills its {0}.</summary>
    public string? Reason { get; set; }

    public string? ReasonArgument { get; set; }
    public bool NameCleaned { get; set; }
}

internal sealed class CampaignRecipientConfiguration : IEntityTypeConfiguration<CampaignRecipient>
{
    public void Configure(EntityTypeBuilder<CampaignRecipient> recipient)
    {
        recipient.ToTable("CampaignRecipients");
        recipient.Property(r => r.Email).HasMaxLength(400);
        recipient.Property(r => r.NormalizedEmail).HasMaxLength(400);
        recipient.Property(r => r.Name).HasMaxLength(200);
        recipient.Property(r => r.Culture).HasMaxLength(8);
        recipient.Property(r => r.Verdict).HasConversion<string>().HasMaxLength(20);
        recipient.Property(r => r.Reason).HasMaxLength(300);
        recipient.Property(r => r.ReasonArgument).HasMaxLength(50);
        recipient.HasIndex(r => new { r.CampaignId, r.Line });
        recipient.HasOne<InvitationCampaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}
