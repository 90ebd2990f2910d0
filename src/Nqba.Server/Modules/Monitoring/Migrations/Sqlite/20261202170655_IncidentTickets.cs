using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Monitoring.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_incident_tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LinkedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_monitoring_incident_tickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_monitoring_incident_tickets_monitoring_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "monitoring_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_incident_tickets_IncidentId_TicketId",
                table: "monitoring_incident_tickets",
                columns: new[] { "IncidentId", "TicketId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_monitoring_incident_tickets_TicketId",
                table: "monitoring_incident_tickets",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "monitoring_incident_tickets");
        }
    }
}
