using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Platform.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BusinessCalendars : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_calendars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_calendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "platform_calendar_holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CalendarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Yearly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Inactive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_calendar_holidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_calendar_holidays_platform_calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "platform_calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_calendar_intervals",
                columns: table => new
                {
                    CalendarId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_calendar_intervals", x => new { x.CalendarId, x.Day, x.Opens });
                    table.ForeignKey(
                        name: "FK_platform_calendar_intervals_platform_calendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "platform_calendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddColumn<Guid>(
                name: "CalendarId",
                table: "platform_regions",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // SQLite: the old columns go with ALTER TABLE DROP COLUMN and the region-to-calendar reference is kept by the
            // application (deleting a followed calendar is refused), so nothing rebuilds the regions table outside the
            // migration's transaction. Each region's hours and holidays become a calendar of its own (same id and code), which the region then follows.
            migrationBuilder.Sql("""
                INSERT INTO platform_calendars ("Id", "Code", "Name", "TimeZone", "Version")
                SELECT "Id", "Code", "Name", "TimeZone", 1 FROM platform_regions;
                """);
            migrationBuilder.Sql("""
                INSERT INTO platform_calendar_intervals ("CalendarId", "Day", "Opens", "Closes")
                SELECT "Id", 1, "OpensAt", "ClosesAt" FROM platform_regions WHERE ',' || "WorkingDays" || ',' LIKE '%,1,%';
                """);

            migrationBuilder.Sql("""
                INSERT INTO platform_calendar_intervals ("CalendarId", "Day", "Opens", "Closes")
                SELECT "Id", 2, "OpensAt", "ClosesAt" FROM platform_regions WHERE ',' || "WorkingDays" || ',' LIKE '%,2,%';
                """);

            migrationBuilder.Sql("""
                INSERT INTO platform_calendar_intervals ("CalendarId", "Day", "Opens", "Closes")
                SELECT "Id", 3, "OpensAt", "ClosesAt" FROM platform_regions WHERE ',' || "WorkingDays" || ',' LIKE '%,3,%';
                """);

            migrationBuilder.Sql("""
                INSERT INTO platform_calendar_intervals ("CalendarId", "Day", "Opens", "Closes")
                SELECT "Id", 4, "OpensAt", "ClosesAt" FROM platform_regions WHERE ',' || "WorkingDays" || ',' LIKE '%,4,%';
                """);

            migrationBuilder.Sql("""
                INSERT INTO platform_calendar_intervals ("CalendarId", "Day", "Opens", "Closes")
                SELECT "Id", 5, "OpensAt", "ClosesAt" FROM platform_regions WHERE ',' || "WorkingDays" || ',' LIKE '%,5,%';
                """);

            migrationBuilder.Sql("""
                INSERT INTO platform_calendar_intervals ("CalendarId", "Day", "Opens", "Closes")
                SELECT "Id", 6, "OpensAt", "ClosesAt" FROM platform_regions WHERE ',' || "WorkingDays" || ',' LIKE '%,6,%';
                """);

            migrationBuilder.Sql("""
                INSERT INTO platform_calendar_intervals ("CalendarId", "Day", "Opens", "Closes")
                SELECT "Id", 7, "OpensAt", "ClosesAt" FROM platform_regions WHERE ',' || "WorkingDays" || ',' LIKE '%,7,%';
                """);

            migrationBuilder.Sql("""
                INSERT INTO platform_calendar_holidays ("Id", "CalendarId", "Date", "Name", "Yearly", "Inactive")
                SELECT "Id", "RegionId", "Date", "Name", 0, 0 FROM platform_region_holidays;
                """);

            migrationBuilder.Sql("""UPDATE platform_regions SET "CalendarId" = "Id";""");

            migrationBuilder.CreateIndex(
                name: "IX_platform_regions_CalendarId",
                table: "platform_regions",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_platform_calendar_holidays_CalendarId_Date",
                table: "platform_calendar_holidays",
                columns: new[] { "CalendarId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_platform_calendars_Code",
                table: "platform_calendars",
                column: "Code",
                unique: true);


            migrationBuilder.DropTable(
                name: "platform_region_holidays");

            migrationBuilder.Sql("""ALTER TABLE platform_regions DROP COLUMN "ClosesAt";""");

            migrationBuilder.Sql("""ALTER TABLE platform_regions DROP COLUMN "TimeZone";""");

            migrationBuilder.Sql("""ALTER TABLE platform_regions DROP COLUMN "WorkingDays";""");

            migrationBuilder.Sql("""ALTER TABLE platform_regions DROP COLUMN "OpensAt";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_platform_regions_platform_calendars_CalendarId",
                table: "platform_regions");

            migrationBuilder.DropTable(
                name: "platform_calendar_holidays");

            migrationBuilder.DropTable(
                name: "platform_calendar_intervals");

            migrationBuilder.DropTable(
                name: "platform_calendars");

            migrationBuilder.DropIndex(
                name: "IX_platform_regions_CalendarId",
                table: "platform_regions");

            migrationBuilder.DropColumn(
                name: "CalendarId",
                table: "platform_regions");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "OpensAt",
                table: "platform_regions",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<TimeOnly>(
                name: "ClosesAt",
                table: "platform_regions",
                type: "TEXT",
                nullable: false,
                defaultValue: new TimeOnly(0, 0, 0));

            migrationBuilder.AddColumn<string>(
                name: "TimeZone",
                table: "platform_regions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "WorkingDays",
                table: "platform_regions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "platform_region_holidays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_region_holidays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_platform_region_holidays_platform_regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "platform_regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_platform_region_holidays_RegionId_Date",
                table: "platform_region_holidays",
                columns: new[] { "RegionId", "Date" },
                unique: true);
        }
    }
}
