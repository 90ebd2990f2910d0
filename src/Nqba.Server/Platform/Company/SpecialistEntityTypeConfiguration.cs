using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Company;

internal sealed class SpecialistEntityTypeConfiguration : IEntityTypeConfiguration<Specialist>
{
    public void Configure(EntityTypeBuilder<Specialist> builder)
    {
        builder.ToTable("platform_specialists");
        builder.Property(s => s.DisplayName).HasMaxLength(1000);
        builder.Property(s => s.Email).HasMaxLength(1000);
        builder.Property(s => s.EmailHash).HasMaxLength(64);
        builder.Ignore(s => s.OwnerOrganizationId);
        builder.Property(s => s.Languages).HasMaxLength(100);
        builder.Property(s => s.Skills).HasMaxLength(500);
        builder.HasIndex(s => s.EmailHash).IsUnique();
        builder.HasOne<BusinessUnit>().WithMany().HasForeignKey(s => s.BusinessUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
