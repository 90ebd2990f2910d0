using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Nqba.Server.Platform.Protection;

internal sealed class DataKeyEntityTypeConfiguration : IEntityTypeConfiguration<DataKey>
{
    public void Configure(EntityTypeBuilder<DataKey> builder)
    {
        builder.ToTable("platform_data_keys");
        builder.Property(k => k.MasterKeyId).HasMaxLength(64);
        builder.Property(k => k.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(k => new { k.OrganizationId, k.Purpose });
        builder.HasIndex(k => k.DestroyedAt); // DestroyedKeyWatcher asks for the recently destroyed ones every half minute
    }
}
