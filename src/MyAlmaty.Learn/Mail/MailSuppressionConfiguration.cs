using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Mail;

internal sealed class MailSuppressionConfiguration : IEntityTypeConfiguration<MailSuppression>
{
    public void Configure(EntityTypeBuilder<MailSuppression> suppression)
    {
        suppression.ToTable("MailSuppressions");
        suppression.Property(s => s.AddressHash).HasMaxLength(64);
        suppression.Property(s => s.Reason).HasConversion<string>().HasMaxLength(20);
        // Not unique: two requests suppressing the same address at once both save, where a unique
        // key would fail one of them; a second row changes nothing.
        suppression.HasIndex(s => s.AddressHash);
    }
}
