using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Audit;

internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("platform_audit");
        builder.HasKey(e => e.Sequence);
        // Sequence numbers are assigned by the ledger (head + 1), never by the database: the primary key makes two
        // writers that read the same head collide, and the loser retries on the new head.
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.ActorName).HasMaxLength(320);
        builder.Property(e => e.Action).HasMaxLength(200);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => e.Timestamp);
        builder.HasIndex(e => new { e.Action, e.Timestamp });
        builder.HasIndex(e => new { e.ActorId, e.Timestamp });
    }
}
