using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Scheduling.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingTypeTeamsAndConfirmation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Assignment",
                table: "scheduling_meeting_types",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "RoundRobin");

            migrationBuilder.AddColumn<bool>(
                name: "PendingBlocks",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RequiresConfirmation",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ScheduleName",
                table: "scheduling_meeting_types",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "scheduling_booking_hosts",
                columns: table => new
                {
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_booking_hosts", x => new { x.BookingId, x.SpecialistId });
                    table.ForeignKey(
                        name: "FK_scheduling_booking_hosts_scheduling_bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "scheduling_bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_booking_hosts_SpecialistId",
                table: "scheduling_booking_hosts",
                column: "SpecialistId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduling_booking_hosts");

            migrationBuilder.DropColumn(
                name: "Assignment",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "PendingBlocks",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "RequiresConfirmation",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "ScheduleName",
                table: "scheduling_meeting_types");
        }
    }
}
