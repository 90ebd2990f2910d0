using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Intake.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EncryptContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_intake_contacts_Email",
                table: "intake_contacts");

            migrationBuilder.AddColumn<string>(
                name: "ContactEmailHash",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EmailHash",
                table: "intake_contacts",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_intake_leads_ContactEmailHash",
                table: "intake_leads",
                column: "ContactEmailHash");

            migrationBuilder.CreateIndex(
                name: "IX_intake_contacts_EmailHash",
                table: "intake_contacts",
                column: "EmailHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_intake_leads_ContactEmailHash",
                table: "intake_leads");

            migrationBuilder.DropIndex(
                name: "IX_intake_contacts_EmailHash",
                table: "intake_contacts");

            migrationBuilder.DropColumn(
                name: "ContactEmailHash",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "EmailHash",
                table: "intake_contacts");

            migrationBuilder.CreateIndex(
                name: "IX_intake_contacts_Email",
                table: "intake_contacts",
                column: "Email",
                unique: true);
        }
    }
}
