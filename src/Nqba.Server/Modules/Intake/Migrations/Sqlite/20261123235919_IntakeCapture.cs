using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Intake.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntakeCapture : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CompanyName",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ContactId",
                table: "intake_leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstTouchedAt",
                table: "intake_leads",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "intake_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_contacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_intake_contacts_ClientOrganizationId",
                table: "intake_contacts",
                column: "ClientOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_intake_contacts_Email",
                table: "intake_contacts",
                column: "Email",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intake_contacts");

            migrationBuilder.DropColumn(
                name: "CompanyName",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "ContactId",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "FirstTouchedAt",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "intake_leads");

            migrationBuilder.DropColumn(
                name: "RegionCode",
                table: "intake_leads");
        }
    }
}
