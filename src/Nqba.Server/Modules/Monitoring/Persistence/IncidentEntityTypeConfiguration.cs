using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Monitoring.Incidents;

namespace Nqba.Server.Modules.Monitoring.Persistence;

internal sealed class IncidentEntityTypeConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("monitoring_incidents");
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.PostMortem).HasMaxLength(20000);
        builder.Property(i => i.PredictionKey).HasMaxLength(200);
        builder.HasMany(i => i.Updates).WithOne().HasForeignKey(u => u.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.Status, i.OpenedAt });
    }
}
