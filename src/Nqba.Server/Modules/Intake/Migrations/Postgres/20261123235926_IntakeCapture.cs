using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Intake.Migrations.Postgres
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
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ContactId",
                table: "intake_leads",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "FirstTouchedAt",
                table: "intake_leads",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "intake_leads",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "RegionCode",
                table: "intake_leads",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "intake_contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClientOrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
