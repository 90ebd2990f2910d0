using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Modules.Onboarding.Persistence;

internal sealed class ClientOnboardingEntityTypeConfiguration(OnboardingDbContext context) : IEntityTypeConfiguration<ClientOnboarding>
{
    public void Configure(EntityTypeBuilder<ClientOnboarding> builder)
    {
        builder.ToTable("onboarding_onboardings");
        builder.Property(o => o.UnitCode).HasMaxLength(40);
        // One onboarding per organization and per deal: a won deal delivered twice opens it once.
        builder.HasIndex(o => o.OrganizationId).IsUnique();
        builder.HasIndex(o => o.DealId).IsUnique();
        builder.HasMany(o => o.Steps).WithOne().HasForeignKey(s => s.OnboardingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Payments).WithOne().HasForeignKey(p => p.OnboardingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasQueryFilter(o => context.TenantOrganizationId == null || o.OrganizationId == context.TenantOrganizationId);
    }
}
