using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Users;

/// <summary>
/// Failed password sign-ins to an address that has no account, counted exactly as Identity counts
/// them for an account (<c>AccessFailedCount</c>, <c>LockoutEnd</c>), so that locking out tells
/// nobody whether an address is registered. In the database, so every node counts the same.
/// </summary>
public sealed class SignInFailure
{
    /// <summary>The address as Identity normalizes it.</summary>
    public required string NormalizedEmail { get; set; }

    public int AccessFailedCount { get; set; }

    public DateTimeOffset? LockoutEnd { get; set; }
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> failure)
    {
        failure.ToTable("SignInFailures");
        failure.HasKey(f => f.NormalizedEmail);
        failure.Property(f => f.NormalizedEmail).HasMaxLength(256);
    }
}
