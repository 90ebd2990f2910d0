using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.Leads;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class RoutedLeadEntityTypeConfiguration : IEntityTypeConfiguration<RoutedLead>
{
    public void Configure(EntityTypeBuilder<RoutedLead> builder)
    {
        builder.ToTable("scheduling_routed_leads");
        builder.HasKey(l => l.LeadId);
        builder.Property(l => l.UnitCode).HasMaxLength(40);
        builder.Property(l => l.RoutingReason).HasMaxLength(2000);
        builder.Property(l => l.RoutingMethod).HasMaxLength(40);
        builder.Property(l => l.RecommendedUnit).HasMaxLength(40);
        builder.Property(l => l.RunnerUpUnit).HasMaxLength(40);
        builder.Property(l => l.MeetingType).HasMaxLength(40);
    }
}
