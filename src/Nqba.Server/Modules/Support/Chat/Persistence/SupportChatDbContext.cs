using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
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

    private Guid? TenantOrganizationId => tenant.OrganizationId;

    protected override void ConfigureModule(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<KbCategory>(b =>
        {
            b.ToTable("support_kb_categories");
            b.Property(c => c.Slug).HasMaxLength(80);
            b.Property(c => c.Name).HasMaxLength(120);
            b.HasIndex(c => c.Slug).IsUnique();
        });
        modelBuilder.Entity<KbArticle>(b =>
        {
            b.ToTable("support_kb_articles");
            b.Property(a => a.Slug).HasMaxLength(120);
            b.Property(a => a.Language).HasMaxLength(10);
            b.Property(a => a.Title).HasMaxLength(200);
            b.Property(a => a.BodyMarkdown).HasMaxLength(100_000);
            b.Property(a => a.BodyHtml).HasMaxLength(400_000);
            b.Property(a => a.SearchTitle).HasMaxLength(2000);
            b.Property(a => a.SearchText).HasMaxLength(400_000);
            b.Property(a => a.UpdatedBy).HasMaxLength(320);
            b.HasIndex(a => new { a.Language, a.Slug }).IsUnique();
            b.HasIndex(a => a.CategoryId);
            b.HasOne<KbCategory>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.SetNull);
            if (Database.IsNpgsql())
            {
                // SQLite's index is an FTS5 table (see the SQLite migration); PostgreSQL's is this generated column.
                b.Property<NpgsqlTsVector>("SearchVector").HasColumnName("search_vector")
                    .HasComputedColumnSql(SearchVectorSql, stored: true);
                b.HasIndex("SearchVector").HasMethod("GIN");
            }
        });
        modelBuilder.Entity<ChatConversation>(b =>
        {
            b.ToTable("support_chat_conversations");
            b.Property(c => c.VisitorKey).HasMaxLength(64);
            b.Property(c => c.VisitorName).HasMaxLength(1000);
            b.Property(c => c.VisitorEmail).HasMaxLength(1000);
            b.Property(c => c.VisitorEmailHash).HasMaxLength(100);
            b.Property(c => c.RegionCode).HasMaxLength(40);
            b.Property(c => c.Language).HasMaxLength(10);
            b.Property(c => c.AgentUserId).HasMaxLength(64);
            b.Property(c => c.AgentName).HasMaxLength(200);
            b.Property(c => c.HandoverReason).HasMaxLength(200);
            b.Property(c => c.SlaPolicy).HasMaxLength(80);
            b.Ignore(c => c.OwnerOrganizationId);
            b.HasIndex(c => new { c.VisitorKey, c.Status });
            b.HasIndex(c => new { c.Status, c.WaitingSince });
            b.HasIndex(c => c.FirstResponseWarnAt);
            b.HasIndex(c => c.FirstResponseDueAt);
            b.HasIndex(c => c.VisitorEmailHash);
            b.HasQueryFilter(c => TenantOrganizationId == null || c.OrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<ChatMessage>(b =>
        {
            b.ToTable("support_chat_messages");
            b.Property(m => m.SenderName).HasMaxLength(1000);
            b.Property(m => m.Body).HasMaxLength(20_000);
            b.Ignore(m => m.OwnerOrganizationId);
            b.HasIndex(m => new { m.ConversationId, m.SentAt });
            b.HasOne<ChatConversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
            b.HasQueryFilter(m => TenantOrganizationId == null || m.OrganizationId == TenantOrganizationId);
        });
        modelBuilder.Entity<AgentPresence>(b =>
        {
            b.ToTable("support_chat_agent_presence");
            b.HasKey(p => p.ConnectionId);
            b.Property(p => p.ConnectionId).HasMaxLength(200);
            b.Property(p => p.UserId).HasMaxLength(64);
            b.Property(p => p.Name).HasMaxLength(200);
            b.HasIndex(p => p.LastSeenAt);
        });
    }

    private static string SearchVectorSql =>
        "CASE \"Language\" " + string.Concat(KbLanguages.All.Select(l =>
            $"WHEN '{l}' THEN setweight(to_tsvector('{KbLanguages.PostgresConfig(l)}'::regconfig, coalesce(\"SearchTitle\", '')), 'A') || " +
            $"setweight(to_tsvector('{KbLanguages.PostgresConfig(l)}'::regconfig, coalesce(\"SearchText\", '')), 'B') ")) +
        "ELSE to_tsvector('simple'::regconfig, coalesce(\"SearchTitle\", '') || ' ' || coalesce(\"SearchText\", '')) END";
}
