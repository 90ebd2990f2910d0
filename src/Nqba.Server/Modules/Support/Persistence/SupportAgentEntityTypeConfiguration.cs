using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Assignment;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class SupportAgentEntityTypeConfiguration : IEntityTypeConfiguration<SupportAgent>
{
    public void Configure(EntityTypeBuilder<SupportAgent> builder)
    {
        builder.ToTable("support_agents");
        builder.Property(a => a.Name).HasMaxLength(1000);
        builder.Property(a => a.Email).HasMaxLength(1500);
        builder.Property(a => a.Languages).HasMaxLength(100);
        builder.Property(a => a.Skills).HasMaxLength(500);
        builder.Property(a => a.RegionCode).HasMaxLength(40);
        builder.HasOne<SupportTeam>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.UserId).IsUnique();
    }
}
