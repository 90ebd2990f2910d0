using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Chat;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

internal sealed class ChatConversationEntityTypeConfiguration(SupportChatDbContext context) : IEntityTypeConfiguration<ChatConversation>
{
    public void Configure(EntityTypeBuilder<ChatConversation> builder)
    {
        builder.ToTable("support_chat_conversations");
        builder.Property(c => c.VisitorKey).HasMaxLength(64);
        builder.Property(c => c.VisitorName).HasMaxLength(1000);
        builder.Property(c => c.VisitorEmail).HasMaxLength(1000);
        builder.Property(c => c.VisitorEmailHash).HasMaxLength(100);
        builder.Property(c => c.RegionCode).HasMaxLength(40);
        builder.Property(c => c.Language).HasMaxLength(10);
        builder.Property(c => c.AgentUserId).HasMaxLength(64);
        builder.Property(c => c.AgentName).HasMaxLength(200);
        builder.Property(c => c.HandoverReason).HasMaxLength(200);
        builder.Property(c => c.SlaPolicy).HasMaxLength(80);
        builder.Ignore(c => c.OwnerOrganizationId);
        builder.HasIndex(c => new { c.VisitorKey, c.Status });
        builder.HasIndex(c => new { c.Status, c.WaitingSince });
        builder.HasIndex(c => c.FirstResponseWarnAt);
        builder.HasIndex(c => c.FirstResponseDueAt);
        builder.HasIndex(c => c.VisitorEmailHash);
        builder.HasQueryFilter(c => context.TenantOrganizationId == null || c.OrganizationId == context.TenantOrganizationId);
    }
}
