using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Nqba.Server.Modules.Support.Chat;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

internal sealed class ChatMessageEntityTypeConfiguration(SupportChatDbContext context) : IEntityTypeConfiguration<ChatMessage>
{
    public void Configure(EntityTypeBuilder<ChatMessage> builder)
    {
        builder.ToTable("support_chat_messages");
        builder.Property(m => m.SenderName).HasMaxLength(1000);
        builder.Property(m => m.Body).HasMaxLength(20_000);
        builder.Ignore(m => m.OwnerOrganizationId);
        builder.HasIndex(m => new { m.ConversationId, m.SentAt });
        builder.HasOne<ChatConversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasQueryFilter(m => context.TenantOrganizationId == null || m.OrganizationId == context.TenantOrganizationId);
    }
}
