using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Support.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SubjectKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequesterEmailHash",
                table: "support_tickets",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "support_tickets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "support_messages",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "support_callbacks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubjectKeyId",
                table: "support_attachments",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_RequesterEmailHash",
                table: "support_tickets",
                column: "RequesterEmailHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_support_tickets_RequesterEmailHash",
                table: "support_tickets");

            migrationBuilder.DropColumn(
                name: "RequesterEmailHash",
                table: "support_tickets");

            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "support_tickets");

            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "support_messages");

            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "support_callbacks");

            migrationBuilder.DropColumn(
                name: "SubjectKeyId",
                table: "support_attachments");
        }
    }
}
