using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Pipeline.Catalogue;
using Nqba.Server.Modules.Pipeline.Deals;

namespace Nqba.Server.Modules.Pipeline.Persistence;

internal sealed class DealItemEntityTypeConfiguration : IEntityTypeConfiguration<DealItem>
{
    public void Configure(EntityTypeBuilder<DealItem> builder)
    {
        builder.ToTable("pipeline_deal_items");
        builder.Property(i => i.ProductCode).HasMaxLength(40);
        builder.Property(i => i.Name).HasMaxLength(120);
        builder.Property(i => i.Quantity).HasPrecision(14, 4);
        builder.Property(i => i.UnitPrice).HasPrecision(18, 2);
        builder.HasIndex(i => new { i.DealId, i.Position });
        builder.HasOne<Deal>().WithMany().HasForeignKey(i => i.DealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}
