using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Users;

/// <summary>
/// A signed-in browser. The sign-in cookie holds only this session's key; signing out deletes the
/// row, so a copy of the cookie stops working at once, on every node.
/// </summary>
public sealed class AuthSession
{
    /// <summary>The SHA-256 of the key in the cookie: a copy of the database signs nobody in.</summary>
    public required string Id { get; set; }

    public required string UserId { get; set; }

    /// <summary>The serialized sign-in (claims and expiry), as the cookie would have carried it.</summary>
    public required byte[] Ticket { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

internal sealed class AuthSessionConfiguration : IEntityTypeConfiguration<AuthSession>
{
    public void Configure(EntityTypeBuilder<AuthSession> session)
    {
        session.ToTable("AuthSessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).HasMaxLength(64);
        session.Property(s => s.UserId).HasMaxLength(450);
        session.HasIndex(s => s.UserId);
        session.HasIndex(s => s.ExpiresUtc);
    }
}
