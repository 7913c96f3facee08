using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Users;

public enum LinkPurpose
{
    /// <summary>Signs in, creating the account if the address has none; confirms the address.</summary>
    SignIn = 1,
    /// <summary>Confirms the address of an account made with a password.</summary>
    ConfirmEmail = 2,
    /// <summary>Lets the holder choose a new password.</summary>
    ResetPassword = 3,
    /// <summary>The first administrator's way in, printed at first start.</summary>
    Setup = 4,

    /// <summary>An invitation from the admin area to an account made with a role: signs in, and may set a password.</summary>
    Invitation = 5,
}

/// <summary>
/// A link sent by email that works once and expires. Only the SHA-256 of its token is stored,
/// so a copy of the database lets nobody sign in.
/// </summary>
public sealed class OneTimeLink
{
    public int Id { get; set; }
    public required string TokenHash { get; set; }
    public required string Email { get; set; }
    public LinkPurpose Purpose { get; set; }
    public string Culture { get; set; } = Localization.Cultures.Default;

    /// <summary>Where to go after the link is used (a local path), e.g. back to the lesson.</summary>
    public string? ReturnPath { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }
}

internal sealed class OneTimeLinkConfiguration : IEntityTypeConfiguration<OneTimeLink>
{
    public void Configure(EntityTypeBuilder<OneTimeLink> link)
    {
        link.ToTable("OneTimeLinks");
        link.Property(l => l.TokenHash).HasMaxLength(64);
        link.Property(l => l.Email).HasMaxLength(256);
        link.Property(l => l.Culture).HasMaxLength(8);
        link.Property(l => l.ReturnPath).HasMaxLength(400);
        link.HasIndex(l => l.TokenHash).IsUnique();
        link.HasIndex(l => l.ExpiresUtc);
    }
}
