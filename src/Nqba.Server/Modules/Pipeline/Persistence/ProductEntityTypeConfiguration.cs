using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Catalogue;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class ProductEntityTypeConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("pipeline_products");
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(120);
        builder.Property(p => p.UnitCode).HasMaxLength(40);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Price).HasPrecision(18, 2);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Code).IsUnique();
    }
}
