using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Pipeline.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StageStays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "FromStageDays",
                table: "pipeline_stage_changes",
                type: "REAL",
                nullable: true);

            // The stays of the history written before: each move's distance from the deal's previous move.
            migrationBuilder.Sql("""
                UPDATE pipeline_stage_changes
                SET "FromStageDays" = julianday("At") - julianday((
                    SELECT p."At" FROM pipeline_stage_changes AS p
                    WHERE p."DealId" = pipeline_stage_changes."DealId"
                      AND (p."At" < pipeline_stage_changes."At" OR (p."At" = pipeline_stage_changes."At" AND p."Id" < pipeline_stage_changes."Id"))
                    ORDER BY p."At" DESC, p."Id" DESC LIMIT 1))
                WHERE "FromStage" IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FromStageDays",
                table: "pipeline_stage_changes");
        }
    }
}
