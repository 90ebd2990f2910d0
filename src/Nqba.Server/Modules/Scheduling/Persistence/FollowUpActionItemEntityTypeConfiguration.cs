using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Scheduling.FollowUps;

namespace Nqba.Server.Modules.Scheduling.Persistence;

internal sealed class FollowUpActionItemEntityTypeConfiguration : IEntityTypeConfiguration<FollowUpActionItem>
{
    public void Configure(EntityTypeBuilder<FollowUpActionItem> builder)
    {
        builder.ToTable("scheduling_follow_up_action_items");
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.Owner).HasMaxLength(1000);
        builder.Ignore(a => a.OwnerOrganizationId);
        builder.HasIndex(a => new { a.FollowUpId, a.Position });
    }
}
