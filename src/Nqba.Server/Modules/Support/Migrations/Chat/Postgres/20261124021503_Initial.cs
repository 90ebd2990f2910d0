using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Nqba.Server.Modules.Support.Migrations.Chat.Postgres
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
                    ConnectionId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConnectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_chat_agent_presence", x => x.ConnectionId);
                });

            migrationBuilder.CreateTable(
                name: "support_chat_conversations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VisitorKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    VisitorName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    VisitorEmail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgentUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AgentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WaitingSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandedOverAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    HandoverReason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OutsideHours = table.Column<bool>(type: "boolean", nullable: false),
                    VisitorReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AgentReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_chat_conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_kb_categories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_kb_categories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "support_chat_messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConversationId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: true),
                    Sender = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SenderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ArticleId = table.Column<Guid>(type: "uuid", nullable: true),
                    Confidence = table.Column<double>(type: "double precision", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_support_chat_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_support_chat_messages_support_chat_conversations_Conversati~",
                        column: x => x.ConversationId,
                        principalTable: "support_chat_conversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "support_kb_articles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    BodyHtml = table.Column<string>(type: "character varying(400000)", maxLength: 400000, nullable: false),
                    Visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    SearchTitle = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SearchText = table.Column<string>(type: "character varying(400000)", maxLength: 400000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "CASE \"Language\" WHEN 'en' THEN setweight(to_tsvector('english'::regconfig, coalesce(\"SearchTitle\", '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(\"SearchText\", '')), 'B') WHEN 'de' THEN setweight(to_tsvector('german'::regconfig, coalesce(\"SearchTitle\", '')), 'A') || setweight(to_tsvector('german'::regconfig, coalesce(\"SearchText\", '')), 'B') WHEN 'ja' THEN setweight(to_tsvector('simple'::regconfig, coalesce(\"SearchTitle\", '')), 'A') || setweight(to_tsvector('simple'::regconfig, coalesce(\"SearchText\", '')), 'B') ELSE to_tsvector('simple'::regconfig, coalesce(\"SearchTitle\", '') || ' ' || coalesce(\"SearchText\", '')) END", stored: true)
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
                name: "IX_support_kb_articles_search_vector",
                table: "support_kb_articles",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "IX_support_kb_categories_Slug",
                table: "support_kb_categories",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
