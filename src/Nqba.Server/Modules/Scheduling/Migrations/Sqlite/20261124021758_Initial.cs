using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Scheduling.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scheduling_bookings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingTypeCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    End = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HoldExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClientName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClientEmail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ClientEmailHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 12000, nullable: true),
                    ClientTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    VideoUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VideoNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_bookings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_meeting_types",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BufferMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SlotStepMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumNoticeMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    BookingWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_meeting_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_overrides",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_overrides", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_routed_leads",
                columns: table => new
                {
                    LeadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RoutingReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RoutingMethod = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RoutedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AssessmentTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    RecommendedUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RunnerUpUnit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MeetingType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_routed_leads", x => x.LeadId);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_time_off",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SpecialistId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    End = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_time_off", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "scheduling_jobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BookingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClaimedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DoneAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduling_jobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scheduling_jobs_scheduling_bookings_BookingId",
                        column: x => x.BookingId,
                        principalTable: "scheduling_bookings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_bookings_ClientEmailHash",
                table: "scheduling_bookings",
                column: "ClientEmailHash");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_bookings_LeadId",
                table: "scheduling_bookings",
                column: "LeadId");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_bookings_SpecialistId_Start",
                table: "scheduling_bookings",
                columns: new[] { "SpecialistId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_jobs_BookingId",
                table: "scheduling_jobs",
                column: "BookingId");

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_jobs_DoneAt_DueAt",
                table: "scheduling_jobs",
                columns: new[] { "DoneAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_meeting_types_Code",
                table: "scheduling_meeting_types",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_overrides_SpecialistId_Date",
                table: "scheduling_overrides",
                columns: new[] { "SpecialistId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_scheduling_time_off_SpecialistId_Start",
                table: "scheduling_time_off",
                columns: new[] { "SpecialistId", "Start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduling_jobs");

            migrationBuilder.DropTable(
                name: "scheduling_meeting_types");

            migrationBuilder.DropTable(
                name: "scheduling_overrides");

            migrationBuilder.DropTable(
                name: "scheduling_routed_leads");

            migrationBuilder.DropTable(
                name: "scheduling_time_off");

            migrationBuilder.DropTable(
                name: "scheduling_bookings");
        }
    }
}
