using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Audit;

/// <summary>
/// The audit outbox's table. Every module context maps it (<see cref="AuditOutboxModel.MapAuditOutbox"/>) so its
/// audit records commit with its changes; only the platform's context owns the table's migrations.
/// </summary>
internal sealed class StagedAuditEntryEntityTypeConfiguration(bool ownsTable) : IEntityTypeConfiguration<StagedAuditEntry>
{
    public void Configure(EntityTypeBuilder<StagedAuditEntry> builder)
    {
        builder.ToTable("platform_audit_outbox", t => t.ExcludeFromMigrations(!ownsTable));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.ActorId).HasMaxLength(100);
        builder.Property(e => e.ActorName).HasMaxLength(320);
        builder.Property(e => e.Action).HasMaxLength(200);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityId).HasMaxLength(100);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
    }
}
