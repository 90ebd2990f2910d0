using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Platform.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EventDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_event_deliveries",
                columns: table => new
                {
                    EventId = table.Column<long>(type: "bigint", nullable: false),
                    Subscriber = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ParkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_event_deliveries", x => new { x.EventId, x.Subscriber });
                    table.ForeignKey(
                        name: "FK_platform_event_deliveries_platform_events_EventId",
                        column: x => x.EventId,
                        principalTable: "platform_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_event_deliveries_ParkedAt",
                table: "platform_event_deliveries",
                column: "ParkedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_event_deliveries");
        }
    }
}
