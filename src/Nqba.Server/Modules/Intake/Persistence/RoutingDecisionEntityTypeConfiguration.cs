using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Intake.Leads;
using Nqba.Server.Modules.Intake.Routing;

namespace Nqba.Server.Modules.Intake.Persistence;

internal sealed class RoutingDecisionEntityTypeConfiguration(IntakeDbContext context) : IEntityTypeConfiguration<RoutingDecision>
{
    public void Configure(EntityTypeBuilder<RoutingDecision> builder)
    {
        builder.ToTable("intake_routing_decisions");
        builder.Property(d => d.SpecialistName).HasMaxLength(200);
        builder.Property(d => d.UnitCode).HasMaxLength(40);
        builder.Property(d => d.Reason).HasMaxLength(2000);
        builder.Property(d => d.Method).HasMaxLength(60);
        builder.Property(d => d.DecidedBy).HasMaxLength(320);
        builder.HasIndex(d => d.LeadId);
        builder.HasIndex(d => new { d.SpecialistId, d.DecidedAt });
        builder.HasOne<Lead>().WithMany().HasForeignKey(d => d.LeadId).OnDelete(DeleteBehavior.Cascade);
        builder.HasQueryFilter(d => context.TenantOrganizationId == null || d.ClientOrganizationId == context.TenantOrganizationId);
    }
}
