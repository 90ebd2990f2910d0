using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Company;

internal sealed class BusinessUnitEntityTypeConfiguration : IEntityTypeConfiguration<BusinessUnit>
{
    public void Configure(EntityTypeBuilder<BusinessUnit> builder)
    {
        builder.ToTable("platform_business_units");
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Code).HasMaxLength(40);
        builder.Property(u => u.Name).HasMaxLength(100);
        builder.Property(u => u.Description).HasMaxLength(500);
        builder.Property(u => u.RoutingSignal).HasMaxLength(500);
    }
}
