using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Support.Migrations.Chat.Postgres
{
    /// <inheritdoc />
    public partial class LiveChatSla : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FirstRespondedAt",
                table: "support_chat_conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseDueAt",
                table: "support_chat_conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "FirstResponseSeconds",
                table: "support_chat_conversations",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstResponseWarnAt",
                table: "support_chat_conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaBreachedAt",
                table: "support_chat_conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaPolicy",
                table: "support_chat_conversations",
                type: "character varying(80)",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SlaWarnedAt",
                table: "support_chat_conversations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_chat_conversations_FirstResponseDueAt",
                table: "support_chat_conversations",
                column: "FirstResponseDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_support_chat_conversations_FirstResponseWarnAt",
                table: "support_chat_conversations",
                column: "FirstResponseWarnAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_support_chat_conversations_FirstResponseDueAt",
                table: "support_chat_conversations");

            migrationBuilder.DropIndex(
                name: "IX_support_chat_conversations_FirstResponseWarnAt",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "FirstRespondedAt",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "FirstResponseDueAt",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "FirstResponseSeconds",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "FirstResponseWarnAt",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "SlaBreachedAt",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "SlaPolicy",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "SlaWarnedAt",
                table: "support_chat_conversations");
        }
    }
}
