using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Intake.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IntakeRouting : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SkillTags",
                table: "intake_leads",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "intake_routing_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Fit = table.Column<double>(type: "REAL", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_intake_routing_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_intake_routing_decisions_intake_leads_LeadId",
                        column: x => x.LeadId,
                        principalTable: "intake_leads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_intake_routing_decisions_LeadId",
                table: "intake_routing_decisions",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_intake_routing_decisions_SpecialistId_DecidedAt",
                table: "intake_routing_decisions",
                columns: new[] { "SpecialistId", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "intake_routing_decisions");

            migrationBuilder.DropColumn(
                name: "SkillTags",
                table: "intake_leads");
        }
    }
}
