using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Pipeline.Migrations.Postgres
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
                type: "double precision",
                nullable: true);

            // The stays of the history written before: each move's distance from the deal's previous move.
            migrationBuilder.Sql("""
                UPDATE pipeline_stage_changes AS c
                SET "FromStageDays" = EXTRACT(EPOCH FROM (c."At" - p.previous_at)) / 86400.0
                FROM (SELECT "Id", LAG("At") OVER (PARTITION BY "DealId" ORDER BY "At", "Id") AS previous_at FROM pipeline_stage_changes) AS p
                WHERE p."Id" = c."Id" AND c."FromStage" IS NOT NULL AND p.previous_at IS NOT NULL;
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
