using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Pipeline.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DealNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pipeline_deal_notes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DealId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_deal_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_pipeline_deal_notes_pipeline_deals_DealId",
                        column: x => x.DealId,
                        principalTable: "pipeline_deals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_deal_notes_DealId_At",
                table: "pipeline_deal_notes",
                columns: new[] { "DealId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_pipeline_deal_notes_OrganizationId",
                table: "pipeline_deal_notes",
                column: "OrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pipeline_deal_notes");
        }
    }
}
