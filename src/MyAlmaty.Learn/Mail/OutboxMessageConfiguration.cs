using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyAlmaty.Learn.Mail;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int MaxErrorLength = 2000;

    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("MailOutbox");
        message.Property(m => m.MessageId).HasMaxLength(200);
        message.Property(m => m.To).HasMaxLength(320);
        message.Property(m => m.ToName).HasMaxLength(200);
        message.Property(m => m.Culture).HasMaxLength(8);
        message.Property(m => m.Subject).HasMaxLength(500);
        message.Property(m => m.LastError).HasMaxLength(MaxErrorLength);
        message.Property(m => m.ClaimedBy).HasMaxLength(100);
        message.HasIndex(m => m.MessageId).IsUnique();
        // The workers' question: what is due now? (NextAttemptUtc is null once sent or failed.)
        message.HasIndex(m => m.NextAttemptUtc);
    }
}
