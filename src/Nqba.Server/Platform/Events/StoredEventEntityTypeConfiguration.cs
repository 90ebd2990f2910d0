using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Events;

internal sealed class StoredEventEntityTypeConfiguration(bool ownsTable) : IEntityTypeConfiguration<StoredEvent>
{
    public void Configure(EntityTypeBuilder<StoredEvent> builder)
    {
        builder.ToTable("platform_events", t => t.ExcludeFromMigrations(!ownsTable));
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(200);
        builder.Property(e => e.LastError).HasMaxLength(2000);
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasIndex(e => new { e.DispatchedAt, e.Id });
        builder.HasIndex(e => new { e.Type, e.OccurredAt });
    }
}
