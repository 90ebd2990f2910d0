using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Scheduling.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AvailabilitySchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "scheduling_overrides",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "scheduling_availability_schedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_availability_schedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_override_ranges",
                columns: table => new
                {
                    OverrideId = table.Column<Guid>(type: "uuid", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_override_ranges", x => new { x.OverrideId, x.Opens });
                    table.ForeignKey(
                        name: "FK_scheduling_override_ranges_scheduling_overrides_OverrideId",
                        column: x => x.OverrideId,
                        principalTable: "scheduling_overrides",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_availability_ranges",
                columns: table => new
                {
                    ScheduleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_availability_ranges", x => new { x.ScheduleId, x.Day, x.Opens });
                    table.ForeignKey(
                        name: "FK_scheduling_availability_ranges_scheduling_availability_sche~",
                        column: x => x.ScheduleId,
                        principalTable: "scheduling_availability_schedules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_availability_schedules_default",
                table: "scheduling_availability_schedules",
                column: "SpecialistId",
                unique: true,
                filter: "\"IsDefault\"");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_availability_schedules_SpecialistId_Name",
                table: "scheduling_availability_schedules",
                columns: new[] { "SpecialistId", "Name" },
                unique: true);

            // Each old one-range override becomes a range row before the old columns go.
            migrationBuilder.Sql("""INSERT INTO scheduling_override_ranges ("OverrideId", "Opens", "Closes") SELECT "Id", "Opens", "Closes" FROM scheduling_overrides WHERE "Opens" IS NOT NULL AND "Closes" IS NOT NULL;""");

            migrationBuilder.DropColumn(
                name: "Closes",
                table: "scheduling_overrides");

            migrationBuilder.DropColumn(
                name: "Opens",
                table: "scheduling_overrides");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduling_availability_ranges");

            migrationBuilder.DropTable(
                name: "scheduling_override_ranges");

            migrationBuilder.DropTable(
                name: "scheduling_availability_schedules");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "scheduling_overrides");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "Closes",
                table: "scheduling_overrides",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "Opens",
                table: "scheduling_overrides",
                type: "time without time zone",
                nullable: true);
        }
    }
}
