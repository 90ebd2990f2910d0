using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Support.Migrations.Chat.Sqlite
{
    /// <inheritdoc />
    public partial class SubjectKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "support_chat_messages",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "support_chat_conversations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitorEmailHash",
                table: "support_chat_conversations",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_chat_conversations_VisitorEmailHash",
                table: "support_chat_conversations",
                column: "VisitorEmailHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_support_chat_conversations_VisitorEmailHash",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "support_chat_messages");

            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "support_chat_conversations");

            migrationBuilder.DropColumn(
                name: "VisitorEmailHash",
                table: "support_chat_conversations");
        }
    }
}
