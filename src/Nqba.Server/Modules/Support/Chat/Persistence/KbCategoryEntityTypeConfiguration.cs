using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Knowledge;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

internal sealed class KbCategoryEntityTypeConfiguration : IEntityTypeConfiguration<KbCategory>
{
    public void Configure(EntityTypeBuilder<KbCategory> builder)
    {
        builder.ToTable("support_kb_categories");
        builder.Property(c => c.Slug).HasMaxLength(80);
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.HasIndex(c => c.Slug).IsUnique();
    }
}
