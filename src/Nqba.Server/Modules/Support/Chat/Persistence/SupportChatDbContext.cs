using Microsoft.EntityFrameworkCore;
using Nqba.Server.Modules.Support.Knowledge;
using Nqba.Server.Platform.Persistence;
using Nqba.Server.Platform.Protection;
using Nqba.Server.Platform.Tenancy;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

/// <summary>Knowledge base (tables <c>support_kb_</c>) and live chat (tables <c>support_chat_</c>).</summary>
[MigrationHistory(SupportChatDbContextHistory.Table)]
internal class SupportChatDbContext(DbContextOptions options, ITenantContext tenant) : ModuleDbContext(options)
{
    public DbSet<KbArticle> Articles => Set<KbArticle>();

    public DbSet<KbCategory> Categories => Set<KbCategory>();

    public DbSet<ChatConversation> Conversations => Set<ChatConversation>();

    public DbSet<ChatMessage> Messages => Set<ChatMessage>();

    public DbSet<AgentPresence> Presence => Set<AgentPresence>();

    /// <summary>The organization the current caller is confined to; null for staff. The tenant query filters read it per query.</summary>
    internal Guid? TenantOrganizationId => tenant.OrganizationId;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new KbCategoryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new KbArticleEntityTypeConfiguration(Database.IsNpgsql()));
        modelBuilder.ApplyConfiguration(new ChatConversationEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new ChatMessageEntityTypeConfiguration(this));
        modelBuilder.ApplyConfiguration(new AgentPresenceEntityTypeConfiguration());
    }

    /// <summary>PostgreSQL's generated search column of an article: title weighted A, text B, in the article's language.</summary>
    internal static string SearchVectorSql =>
        "CASE \"Language\" " + string.Concat(KbLanguages.All.Select(l =>
            $"WHEN '{l}' THEN setweight(to_tsvector('{KbLanguages.PostgresConfig(l)}'::regconfig, coalesce(\"SearchTitle\", '')), 'A') || " +
            $"setweight(to_tsvector('{KbLanguages.PostgresConfig(l)}'::regconfig, coalesce(\"SearchText\", '')), 'B') ")) +
        "ELSE to_tsvector('simple'::regconfig, coalesce(\"SearchTitle\", '') || ' ' || coalesce(\"SearchText\", '')) END";
}
