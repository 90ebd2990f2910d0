using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Pipeline.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pipeline_deals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StageEnteredAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    ExpectedClose = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    BudgetConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    DemoHeldAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LostReason = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StalledNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_deals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pipeline_stage_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromStage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ToStage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_stage_changes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipeline_stage_changes_pipeline_deals_DealId",
                        column: x => x.DealId,
                        principalTable: "pipeline_deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_deals_LeadId",
                table: "pipeline_deals",
                column: "LeadId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_deals_OrganizationId",
                table: "pipeline_deals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_deals_OwnerId",
                table: "pipeline_deals",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_deals_UnitCode_Stage_StageEnteredAt",
                table: "pipeline_deals",
                columns: new[] { "UnitCode", "Stage", "StageEnteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_stage_changes_DealId_At",
                table: "pipeline_stage_changes",
                columns: new[] { "DealId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pipeline_stage_changes");

            migrationBuilder.DropTable(
                name: "pipeline_deals");
        }
    }
}
