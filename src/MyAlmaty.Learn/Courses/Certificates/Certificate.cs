using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Courses.Certificates;

/// <summary>Proof that a person finished a course; anyone can check it by its code.</summary>
public sealed class Certificate
{
    public int Id { get; set; }

    /// <summary>Unguessable, short enough to type: e.g. "MA-7K4Q-P2XD-9HJM".</summary>
    public required string Code { get; set; }

    public required string UserId { get; set; }
    public required string CourseKey { get; set; }

    /// <summary>The language the certificate is printed in.</summary>
    public required string Culture { get; set; }

    public required string PrintedName { get; set; }
    public DateTime IssuedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> certificate)
    {
        certificate.ToTable("Certificates");
        certificate.Property(c => c.Code).HasMaxLength(32);
        certificate.Property(c => c.UserId).HasMaxLength(64);
        certificate.Property(c => c.CourseKey).HasMaxLength(200);
        certificate.Property(c => c.Culture).HasMaxLength(8);
        certificate.Property(c => c.PrintedName).HasMaxLength(200);
        certificate.HasIndex(c => c.Code).IsUnique();
        certificate.HasIndex(c => new { c.UserId, c.CourseKey });
    }
}
