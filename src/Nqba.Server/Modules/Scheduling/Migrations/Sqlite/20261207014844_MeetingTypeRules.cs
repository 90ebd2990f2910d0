using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Nqba.Server.Modules.Scheduling.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingTypeRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "BufferMinutes",
                table: "scheduling_meeting_types",
                newName: "AfterBufferMinutes");

            migrationBuilder.RenameColumn(
                name: "BufferMinutes",
                table: "scheduling_bookings",
                newName: "AfterBufferMinutes");

            // MaxPerDay becomes nullable (no limit) without SQLite's table rebuild, which cannot run inside the migration's
            // transaction: the column is renamed, a nullable one added and filled, and the old one dropped in place.
            migrationBuilder.RenameColumn(
                name: "MaxPerDay",
                table: "scheduling_meeting_types",
                newName: "MaxPerDayBefore");

            migrationBuilder.AddColumn<int>(
                name: "MaxPerDay",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql("UPDATE \"scheduling_meeting_types\" SET \"MaxPerDay\" = \"MaxPerDayBefore\";");
            migrationBuilder.Sql("ALTER TABLE \"scheduling_meeting_types\" DROP COLUMN \"MaxPerDayBefore\";");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "BeforeBufferMinutes",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MaxMinutesPerDay",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxMinutesPerMonth",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxMinutesPerWeek",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxPerMonth",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxPerWeek",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StartOffsetMinutes",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "WindowEnd",
                table: "scheduling_meeting_types",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WindowKind",
                table: "scheduling_meeting_types",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "CalendarDays");

            migrationBuilder.AddColumn<DateOnly>(
                name: "WindowStart",
                table: "scheduling_meeting_types",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BeforeBufferMinutes",
                table: "scheduling_bookings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "BeforeBufferMinutes",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "MaxMinutesPerDay",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "MaxMinutesPerMonth",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "MaxMinutesPerWeek",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "MaxPerMonth",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "MaxPerWeek",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "StartOffsetMinutes",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "WindowEnd",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "WindowKind",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "WindowStart",
                table: "scheduling_meeting_types");

            migrationBuilder.DropColumn(
                name: "BeforeBufferMinutes",
                table: "scheduling_bookings");

            migrationBuilder.RenameColumn(
                name: "AfterBufferMinutes",
                table: "scheduling_meeting_types",
                newName: "BufferMinutes");

            migrationBuilder.RenameColumn(
                name: "AfterBufferMinutes",
                table: "scheduling_bookings",
                newName: "BufferMinutes");

            migrationBuilder.AlterColumn<int>(
                name: "MaxPerDay",
                table: "scheduling_meeting_types",
                type: "INTEGER",
                nullable: false,
                defaultValue: 6,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
