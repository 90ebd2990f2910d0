using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Support.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SupportImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "support_tickets",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalSource",
                table: "support_tickets",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExternalId",
                table: "support_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_tickets_ExternalSource_ExternalId",
                table: "support_tickets",
                columns: new[] { "ExternalSource", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_support_messages_TicketId_ExternalId",
                table: "support_messages",
                columns: new[] { "TicketId", "ExternalId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_support_tickets_ExternalSource_ExternalId",
                table: "support_tickets");

            migrationBuilder.DropIndex(
                name: "IX_support_messages_TicketId_ExternalId",
                table: "support_messages");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "support_tickets");

            migrationBuilder.DropColumn(
                name: "ExternalSource",
                table: "support_tickets");

            migrationBuilder.DropColumn(
                name: "ExternalId",
                table: "support_messages");
        }
    }
}
