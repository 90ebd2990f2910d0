using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Pipeline.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DealId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
