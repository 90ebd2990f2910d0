using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Support.Migrations.Chat.Postgres
{
    /// <inheritdoc />
    public partial class SubjectKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SenderName",
                table: "support_chat_messages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "support_chat_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "support_chat_conversations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VisitorEmailHash",
                table: "support_chat_conversations",
                type: "character varying(100)",
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

            migrationBuilder.AlterColumn<string>(
                name: "SenderName",
                table: "support_chat_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);
        }
    }
}
