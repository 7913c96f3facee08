using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Audit;

/// <summary>What was done to a person's account (and, later, to the site's settings).</summary>
public enum AuditAction
{
    /// <summary>An account was made for an address and an invitation sent to it; <see cref="AuditEntry.After"/> is the role.</summary>
    Invited,

    /// <summary>A new invitation link was sent to an account that has not accepted the first.</summary>
    InvitationResent,

    /// <summary>The roles <see cref="AuditEntry.Before"/> became the role <see cref="AuditEntry.After"/>.</summary>
    RoleChanged,

    /// <summary>Locked by staff: signed out everywhere, and no way in until unlocked.</summary>
    Locked,

    Unlocked,
}

/// <summary>
/// One entry of the audit trail of what staff do outside the content (content has its own journal,
/// <see cref="Content.Journal.ContentChange"/>): who did what to whom, when. Written in the same
/// transaction as the change it records and never changed afterwards: the properties can only be set
/// when the entry is made, and <see cref="AuditTrailGuard"/> refuses to save a change or a deletion.
/// The one exception is the erasure of a person (<see cref="AuditPersonalData"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public AuditAction Action { get; init; }

    /// <summary>Who: the user id of the person who acted.</summary>
    public required string ActorId { get; init; }

    /// <summary>Whom: the user id of the account acted on.</summary>
    public string? SubjectId { get; init; }

    /// <summary>What it was before, e.g. the roles a person held (invariant names, comma-separated).</summary>
    public string? Before { get; init; }

    /// <summary>What it is now, e.g. the role a person holds.</summary>
    public string? After { get; init; }

    public string? Note { get; init; }
    public DateTime CreatedUtc { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");
        entry.Property(e => e.Action).HasConversion<string>().HasMaxLength(32);
        entry.Property(e => e.ActorId).HasMaxLength(450);
        entry.Property(e => e.SubjectId).HasMaxLength(450);
        entry.Property(e => e.Before).HasMaxLength(200);
        entry.Property(e => e.After).HasMaxLength(200);
        entry.Property(e => e.Note).HasMaxLength(1000);
        entry.HasIndex(e => e.CreatedUtc);
        entry.HasIndex(e => e.ActorId);
        entry.HasIndex(e => e.SubjectId);
    }
}
