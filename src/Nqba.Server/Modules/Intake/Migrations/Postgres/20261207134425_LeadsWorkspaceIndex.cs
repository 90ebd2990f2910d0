using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Intake.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeadsWorkspaceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_intake_leads_CapturedAt",
                table: "intake_leads");

            migrationBuilder.CreateIndex(
                name: "IX_intake_leads_workspace",
                table: "intake_leads",
                columns: new[] { "CapturedAt", "UnitCode", "Tier", "RegionCode", "Score", "SpecialistId", "ResponseDueAt", "FirstTouchedAt", "EscalatedAt", "BreachedAt", "CompanyName", "SpecialistName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_intake_leads_workspace",
                table: "intake_leads");

            migrationBuilder.CreateIndex(
                name: "IX_intake_leads_CapturedAt",
                table: "intake_leads",
                column: "CapturedAt");
        }
    }
}
