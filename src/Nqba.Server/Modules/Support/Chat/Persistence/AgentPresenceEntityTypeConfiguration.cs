using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Chat;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

internal sealed class AgentPresenceEntityTypeConfiguration : IEntityTypeConfiguration<AgentPresence>
{
    public void Configure(EntityTypeBuilder<AgentPresence> builder)
    {
        builder.ToTable("support_chat_agent_presence");
        builder.HasKey(p => p.ConnectionId);
        builder.Property(p => p.ConnectionId).HasMaxLength(200);
        builder.Property(p => p.UserId).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.HasIndex(p => p.LastSeenAt);
    }
}
