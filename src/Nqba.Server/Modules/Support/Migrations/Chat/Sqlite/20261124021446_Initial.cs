using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Support.Migrations.Chat.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "support_chat_agent_presence",
                columns: table => new
                {
                    ConnectionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConnectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_chat_agent_presence", x => x.ConnectionId);
                });

            migrationBuilder.CreateTable(
                name: "support_chat_conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitorKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VisitorName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    VisitorEmail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgentUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WaitingSince = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandedOverAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandoverReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OutsideHours = table.Column<bool>(type: "INTEGER", nullable: false),
                    VisitorReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AgentReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_chat_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_kb_categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_kb_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_chat_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ArticleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_chat_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_chat_messages_support_chat_conversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "support_chat_conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_kb_articles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    BodyHtml = table.Column<string>(type: "TEXT", maxLength: 400000, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CategoryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SearchTitle = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SearchText = table.Column<string>(type: "TEXT", maxLength: 400000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_kb_articles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_kb_articles_support_kb_categories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "support_kb_categories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_support_chat_agent_presence_LastSeenAt",
                table: "support_chat_agent_presence",
                column: "LastSeenAt");

            migrationBuilder.CreateIndex(
                name: "IX_support_chat_conversations_Status_WaitingSince",
                table: "support_chat_conversations",
                columns: new[] { "Status", "WaitingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_support_chat_conversations_VisitorKey_Status",
                table: "support_chat_conversations",
                columns: new[] { "VisitorKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_support_chat_messages_ConversationId_SentAt",
                table: "support_chat_messages",
                columns: new[] { "ConversationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_support_kb_articles_CategoryId",
                table: "support_kb_articles",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_support_kb_articles_Language_Slug",
                table: "support_kb_articles",
                columns: new[] { "Language", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_kb_categories_Slug",
                table: "support_kb_categories",
                column: "Slug",
                unique: true);

            // EF cannot model an FTS5 virtual table: the knowledge-base index and the triggers that keep it in step
            // with support_kb_articles are created here (SqliteKnowledgeSearch queries it).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE support_kb_articles_fts USING fts5(
                    article_id UNINDEXED, title, body, tokenize = 'porter unicode61 remove_diacritics 2');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER support_kb_articles_fts_insert AFTER INSERT ON support_kb_articles BEGIN
                    INSERT INTO support_kb_articles_fts (article_id, title, body) VALUES (new."Id", new."SearchTitle", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER support_kb_articles_fts_update AFTER UPDATE OF "SearchTitle", "SearchText" ON support_kb_articles BEGIN
                    DELETE FROM support_kb_articles_fts WHERE article_id = old."Id";
                    INSERT INTO support_kb_articles_fts (article_id, title, body) VALUES (new."Id", new."SearchTitle", new."SearchText");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER support_kb_articles_fts_delete AFTER DELETE ON support_kb_articles BEGIN
                    DELETE FROM support_kb_articles_fts WHERE article_id = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS support_kb_articles_fts_insert;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS support_kb_articles_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS support_kb_articles_fts_delete;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS support_kb_articles_fts;");
            migrationBuilder.DropTable(
                name: "support_chat_agent_presence");

            migrationBuilder.DropTable(
                name: "support_chat_messages");

            migrationBuilder.DropTable(
                name: "support_kb_articles");

            migrationBuilder.DropTable(
                name: "support_chat_conversations");

            migrationBuilder.DropTable(
                name: "support_kb_categories");
        }
    }
}
