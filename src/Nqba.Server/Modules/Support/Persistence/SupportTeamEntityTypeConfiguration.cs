using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Assignment;

namespace Nqba.Server.Modules.Support.Persistence;

internal sealed class SupportTeamEntityTypeConfiguration : IEntityTypeConfiguration<SupportTeam>
{
    public void Configure(EntityTypeBuilder<SupportTeam> builder)
    {
        builder.ToTable("support_teams");
        builder.Property(t => t.Code).HasMaxLength(40);
        builder.Property(t => t.CalendarCode).HasMaxLength(40);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.LeadEmail).HasMaxLength(320);
        builder.Property(t => t.OnCallRotation).HasMaxLength(2000);
        builder.HasIndex(t => t.Code).IsUnique();
    }
}
