using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using Nqba.Server.Modules.Support.Knowledge;

namespace Nqba.Server.Modules.Support.Chat.Persistence;

/// <summary>Maps <see cref="KbArticle"/>; on PostgreSQL also its generated full-text search column.</summary>
/// <param name="npgsql">Whether the context runs on PostgreSQL, which adds the generated full-text search column.</param>
internal sealed class KbArticleEntityTypeConfiguration(bool npgsql) : IEntityTypeConfiguration<KbArticle>
{
    public void Configure(EntityTypeBuilder<KbArticle> builder)
    {
        builder.ToTable("support_kb_articles");
        builder.Property(a => a.Slug).HasMaxLength(120);
        builder.Property(a => a.Language).HasMaxLength(10);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.BodyMarkdown).HasMaxLength(100_000);
        builder.Property(a => a.BodyHtml).HasMaxLength(400_000);
        builder.Property(a => a.SearchTitle).HasMaxLength(2000);
        builder.Property(a => a.SearchText).HasMaxLength(400_000);
        builder.Property(a => a.UpdatedBy).HasMaxLength(320);
        builder.HasIndex(a => new { a.Language, a.Slug }).IsUnique();
        builder.HasIndex(a => a.CategoryId);
        builder.HasOne<KbCategory>().WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.SetNull);
        if (npgsql)
        {
            // SQLite's index is an FTS5 table (see the SQLite migration); PostgreSQL's is this generated column.
            builder.Property<NpgsqlTsVector>("SearchVector").HasColumnName("search_vector")
                .HasComputedColumnSql(SupportChatDbContext.SearchVectorSql, stored: true);
            builder.HasIndex("SearchVector").HasMethod("GIN");
        }
    }
}
